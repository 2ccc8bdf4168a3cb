package dev.kiln.frontend.dockerfile.convert;

import dev.kiln.graph.FileAction;

import java.util.List;

/** A {@link FileAction.Copy} whose source input index is known only when the graph is written. */
record CopyAction(String src, String dest, FileAction.Owner owner, ChmodSpec chmod, boolean followSymlink,
                  boolean dirCopyContents, boolean attemptUnpack, boolean allowWildcard,
                  List<String> excludePatterns, Long timestamp) {

    FileAction.Copy toAction(int source) {
        return new FileAction.Copy(source, src, dest, owner, chmod == null ? null : chmod.octal(),
                chmod == null ? null : chmod.symbolic(), followSymlink, dirCopyContents, attemptUnpack, true,
                allowWildcard, allowWildcard, List.of(), excludePatterns, false, timestamp);
    }
}
