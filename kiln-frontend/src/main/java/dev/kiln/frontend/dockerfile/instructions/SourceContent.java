package dev.kiln.frontend.dockerfile.instructions;

/**
 * A COPY/ADD source given inline as a heredoc.
 *
 * @param path   the file name (the heredoc delimiter)
 * @param data   the body, already tab-stripped for {@code <<-}
 * @param expand whether variables in the body are to be expanded (delimiter not quoted)
 */
public record SourceContent(String path, String data, boolean expand) {
}
