package dev.kiln.graph;

/**
 * A filesystem mounted into an exec. {@code input} indexes the node's inputs ({@link Op#SCRATCH} for
 * empty), {@code selector} is a sub-path of that input, {@code output} is the index of the result this
 * mount produces (-1: none, the writes are discarded). Exactly one of the option records is set for
 * the cache, tmpfs, secret and ssh types.
 */
public record ExecMount(int input, String selector, String dest, int output, boolean readonly, MountType type,
                        CacheOpt cacheOpt, TmpfsOpt tmpfsOpt, SecretOpt secretOpt, SshOpt sshOpt) {

    public static final int NO_OUTPUT = -1;

    public static ExecMount root(int input, int output) {
        return new ExecMount(input, "/", "/", output, false, MountType.BIND, null, null, null, null);
    }

    public enum MountType { BIND, CACHE, TMPFS, SECRET, SSH }

    public enum Sharing { SHARED, PRIVATE, LOCKED }

    public record CacheOpt(String id, Sharing sharing) {
    }

    public record TmpfsOpt(long size) {
    }

    public record SecretOpt(String id, int uid, int gid, int mode, boolean optional) {
    }

    public record SshOpt(String id, int uid, int gid, int mode, boolean optional) {
    }
}
