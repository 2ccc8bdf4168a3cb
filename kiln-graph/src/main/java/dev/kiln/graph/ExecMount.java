package dev.kiln.graph;

import dev.kiln.core.json.JsonWritable;
import dev.kiln.core.json.JsonWriter;

/**
 * A filesystem mounted into an exec. {@code input} indexes the node's inputs ({@link Op#SCRATCH} for
 * empty), {@code selector} is a sub-path of that input, {@code output} is the index of the result this
 * mount produces (-1: none, the writes are discarded). Exactly one of the option records is set for
 * the cache, tmpfs, secret and ssh types.
 */
public record ExecMount(int input, String selector, String dest, int output, boolean readonly, MountType type,
                        CacheOpt cacheOpt, TmpfsOpt tmpfsOpt, SecretOpt secretOpt, SshOpt sshOpt)
        implements JsonWritable {

    public static final int NO_OUTPUT = -1;

    public static ExecMount root(int input, int output) {
        return new ExecMount(input, "/", "/", output, false, MountType.BIND, null, null, null, null);
    }

    public enum MountType { BIND, CACHE, TMPFS, SECRET, SSH }

    public enum Sharing { SHARED, PRIVATE, LOCKED }

    @Override
    public void writeJson(JsonWriter w) {
        w.beginObject().field("input", input).field("selector", selector).field("dest", dest).field("output", output)
                .field("readonly", readonly).field("type", type).field("cacheOpt", cacheOpt)
                .field("tmpfsOpt", tmpfsOpt).field("secretOpt", secretOpt).field("sshOpt", sshOpt).endObject();
    }

    public record CacheOpt(String id, Sharing sharing) implements JsonWritable {
        @Override
        public void writeJson(JsonWriter w) {
            w.beginObject().field("id", id).field("sharing", sharing).endObject();
        }
    }

    public record TmpfsOpt(long size) implements JsonWritable {
        @Override
        public void writeJson(JsonWriter w) {
            w.beginObject().field("size", size).endObject();
        }
    }

    public record SecretOpt(String id, int uid, int gid, int mode, boolean optional) implements JsonWritable {
        @Override
        public void writeJson(JsonWriter w) {
            writeFileOpt(w, id, uid, gid, mode, optional);
        }
    }

    public record SshOpt(String id, int uid, int gid, int mode, boolean optional) implements JsonWritable {
        @Override
        public void writeJson(JsonWriter w) {
            writeFileOpt(w, id, uid, gid, mode, optional);
        }
    }

    /** Secret and SSH mounts have the same fields: the file's id, owner, mode and whether it may be missing. */
    private static void writeFileOpt(JsonWriter w, String id, int uid, int gid, int mode, boolean optional) {
        w.beginObject().field("id", id).field("uid", uid).field("gid", gid).field("mode", mode)
                .field("optional", optional).endObject();
    }
}
