package dev.kiln.graph;

import dev.kiln.core.json.JsonWritable;
import dev.kiln.core.json.JsonWriter;

import java.util.List;

/**
 * One action of a {@link FileOp}; paths are absolute in the base filesystem unless noted. In JSON (node digests
 * and cache keys) an {@code action} member comes first: {@code copy}, {@code mkdir}, {@code mkfile}, {@code rm} or
 * {@code symlink}.
 */
public sealed interface FileAction extends JsonWritable {

    /**
     * Unresolved ownership as written in the Dockerfile ({@code --chown=user:group}); names are looked
     * up in the destination's /etc/passwd and /etc/group when the action runs. Null means root.
     */
    record Owner(String user, String group) implements JsonWritable {
        @Override
        public void writeJson(JsonWriter w) {
            w.beginObject().field("user", user).field("group", group).endObject();
        }
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

        @Override
        public void writeJson(JsonWriter w) {
            w.beginObject().field("action", "copy").field("source", source).field("src", src).field("dest", dest)
                    .field("owner", owner).field("mode", mode).field("modeStr", modeStr)
                    .field("followSymlink", followSymlink).field("dirCopyContents", dirCopyContents)
                    .field("attemptUnpack", attemptUnpack).field("createDestPath", createDestPath)
                    .field("allowWildcard", allowWildcard).field("allowEmptyWildcard", allowEmptyWildcard)
                    .field("includePatterns", includePatterns).field("excludePatterns", excludePatterns)
                    .field("alwaysReplaceExistingDestPaths", alwaysReplaceExistingDestPaths)
                    .field("timestamp", timestamp).endObject();
        }
    }

    record Mkdir(String path, int mode, boolean makeParents, Owner owner, Long timestamp) implements FileAction {
        @Override
        public void writeJson(JsonWriter w) {
            w.beginObject().field("action", "mkdir").field("path", path).field("mode", mode)
                    .field("makeParents", makeParents).field("owner", owner).field("timestamp", timestamp).endObject();
        }
    }

    /** Creates a file with the given content (base64 in JSON). */
    record Mkfile(String path, int mode, byte[] data, Owner owner, Long timestamp) implements FileAction {
        @Override
        public void writeJson(JsonWriter w) {
            w.beginObject().field("action", "mkfile").field("path", path).field("mode", mode).field("data", data)
                    .field("owner", owner).field("timestamp", timestamp).endObject();
        }
    }

    record Rm(String path, boolean allowNotFound, boolean allowWildcard) implements FileAction {
        @Override
        public void writeJson(JsonWriter w) {
            w.beginObject().field("action", "rm").field("path", path).field("allowNotFound", allowNotFound)
                    .field("allowWildcard", allowWildcard).endObject();
        }
    }

    record Symlink(String oldPath, String newPath, Owner owner, Long timestamp) implements FileAction {
        @Override
        public void writeJson(JsonWriter w) {
            w.beginObject().field("action", "symlink").field("oldPath", oldPath).field("newPath", newPath)
                    .field("owner", owner).field("timestamp", timestamp).endObject();
        }
    }
}
