package dev.kiln.frontend.dockerfile.instructions;

import java.util.List;

/** COPY/ADD operands: path sources, heredoc sources and the (last-word) destination, all unexpanded. */
public record SourcesAndDest(List<String> sourcePaths, List<SourceContent> sourceContents, String destPath) {
    public SourcesAndDest {
        sourcePaths = List.copyOf(sourcePaths);
        sourceContents = List.copyOf(sourceContents);
    }
}
