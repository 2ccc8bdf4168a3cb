package dev.kiln.worker.contenthash;

import dev.kiln.core.pattern.FilepathMatch;
import dev.kiln.graph.FileAction;

import java.util.List;

/**
 * How a path selector is checksummed (BuildKit's ChecksumOpts): whether a final symlink is followed,
 * whether the path may contain wildcards, and include/exclude patterns relative to the path.
 */
public record ChecksumOptions(boolean followLinks, boolean wildcard, List<String> includePatterns,
                              List<String> excludePatterns) {
    public static final ChecksumOptions PLAIN = new ChecksumOptions(false, false, List.of(), List.of());

    public ChecksumOptions {
        includePatterns = List.copyOf(includePatterns);
        excludePatterns = List.copyOf(excludePatterns);
    }

    /** The selector of a COPY/ADD source: exactly the files that copy reads. */
    public static ChecksumOptions of(FileAction.Copy copy) {
        return new ChecksumOptions(copy.followSymlink(), copy.allowWildcard() && FilepathMatch.containsWildcards(copy.src()),
                copy.includePatterns(), copy.excludePatterns());
    }

    boolean filtered() {
        return wildcard || !includePatterns.isEmpty() || !excludePatterns.isEmpty();
    }
}
