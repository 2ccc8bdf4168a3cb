package dev.kiln.frontend.dockerfile.parser;

/**
 * A here-document attached to a RUN/COPY/ADD instruction.
 *
 * @param name           the delimiter with quotes removed
 * @param content        the body lines including their newlines, exactly as written (for {@code <<-} the
 *                       leading tabs are still there: {@link Heredocs#chomp} removes them when the body is used)
 * @param expand         false when any part of the delimiter was quoted, so variables must not be expanded
 * @param chomp          true for the {@code <<-} form
 * @param fileDescriptor the number written before {@code <<} ({@code 3<<EOF}), 0 by default; an out-of-range
 *                       number reads as Go's maximum uint64, i.e. -1 here
 */
public record Heredoc(String name, String content, boolean expand, boolean chomp, long fileDescriptor) {
    Heredoc withContent(String body) {
        return new Heredoc(name, body, expand, chomp, fileDescriptor);
    }
}
