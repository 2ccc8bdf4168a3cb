package dev.kiln.frontend.dockerfile.instructions;

/**
 * A heredoc body of a RUN (BuildKit's {@code ShellInlineFile}).
 *
 * @param data  the body as written; when {@code chomp} is set the leading tabs must still be removed
 *              ({@link dev.kiln.frontend.dockerfile.parser.Heredocs#chomp})
 */
public record InlineFile(String name, String data, boolean chomp) {
}
