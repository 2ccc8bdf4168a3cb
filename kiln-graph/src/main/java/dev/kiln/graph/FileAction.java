package dev.kiln.graph;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.util.List;

/** One action of a {@link FileOp}; paths are absolute in the base filesystem unless noted. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "action")
@JsonSubTypes({
        @JsonSubTypes.Type(value = FileAction.Copy.class, name = "copy"),
        @JsonSubTypes.Type(value = FileAction.Mkdir.class, name = "mkdir"),
        @JsonSubTypes.Type(value = FileAction.Mkfile.class, name = "mkfile"),
        @JsonSubTypes.Type(value = FileAction.Rm.class, name = "rm"),
        @JsonSubTypes.Type(value = FileAction.Symlink.class, name = "symlink"),
})
public sealed interface FileAction {

    /**
     * Unresolved ownership as written in the Dockerfile ({@code --chown=user:group}); names are looked
     * up in the destination's /etc/passwd and /etc/group when the action runs. Null means root.
     */
    record Owner(String user, String group) {
    }

    /**
     * Copies {@code src} (a path or wildcard inside input {@code source}) to {@code dest}, with Docker's
     * COPY/ADD rules. {@code mode} is an octal mode or null; {@code modeStr} a symbolic chmod
     * ({@code u+x,g-w}) or null.
     */
    record Copy(int source, String src, String dest, Owner owner, Integer mode, String modeStr,
                boolean followSymlink, boolean dirCopyContents, boolean attemptUnpack, boolean createDestPath,
                boolean allowWildcard, boolean allowEmptyWildcard, List<String> includePatterns,
                List<String> excludePatterns, boolean alwaysReplaceExistingDestPaths, Long timestamp)
            implements FileAction {
        public Copy {
            includePatterns = includePatterns == null ? List.of() : List.copyOf(includePatterns);
            excludePatterns = excludePatterns == null ? List.of() : List.copyOf(excludePatterns);
        }
    }

    record Mkdir(String path, int mode, boolean makeParents, Owner owner, Long timestamp) implements FileAction {
    }

    /** Creates a file with the given content (base64 in JSON: Jackson's default for byte[]). */
    record Mkfile(String path, int mode, byte[] data, Owner owner, Long timestamp) implements FileAction {
    }

    record Rm(String path, boolean allowNotFound, boolean allowWildcard) implements FileAction {
    }

    record Symlink(String oldPath, String newPath, Owner owner, Long timestamp) implements FileAction {
    }
}
