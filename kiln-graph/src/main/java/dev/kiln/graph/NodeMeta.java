package dev.kiln.graph;

import dev.kiln.core.SourceLocation;

/**
 * What is known about a node but is not part of its identity (BuildKit's OpMetadata): the progress
 * name ({@code [build 2/4] RUN make}), the Dockerfile lines it came from, and whether the cache must
 * be ignored for it ({@code --no-cache}, {@code --no-cache-filter}).
 */
public record NodeMeta(String name, SourceLocation location, boolean ignoreCache) {
    public static final NodeMeta NONE = new NodeMeta(null, null, false);
}
