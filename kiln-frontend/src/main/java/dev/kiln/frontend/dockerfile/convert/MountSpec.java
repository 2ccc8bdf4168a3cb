package dev.kiln.frontend.dockerfile.convert;

import dev.kiln.graph.ExecMount;

/**
 * A mount of an exec before it is written: {@code source} is the mounted vertex output (null for an
 * empty filesystem). Only the root mount has an output; every RUN --mount is read-only or throw-away,
 * as in BuildKit's Dockerfile frontend.
 */
record MountSpec(Ref source, String selector, String dest, boolean readonly, boolean hasOutput,
                 ExecMount.MountType type, ExecMount.CacheOpt cacheOpt, ExecMount.TmpfsOpt tmpfsOpt,
                 ExecMount.SecretOpt secretOpt, ExecMount.SshOpt sshOpt) {

    static MountSpec root(Ref source) {
        return new MountSpec(source, "/", "/", false, true, ExecMount.MountType.BIND, null, null, null, null);
    }

    static MountSpec bind(Ref source, String selector, String dest, boolean readonly) {
        return new MountSpec(source, selector, dest, readonly, false, ExecMount.MountType.BIND, null, null, null,
                null);
    }

    static MountSpec cache(Ref source, String selector, String dest, boolean readonly, ExecMount.CacheOpt opt) {
        return new MountSpec(source, selector, dest, readonly, false, ExecMount.MountType.CACHE, opt, null, null,
                null);
    }

    static MountSpec tmpfs(String dest, long size) {
        return new MountSpec(null, "", dest, false, false, ExecMount.MountType.TMPFS, null,
                new ExecMount.TmpfsOpt(size), null, null);
    }

    static MountSpec secret(String dest, ExecMount.SecretOpt opt) {
        return new MountSpec(null, "", dest, true, false, ExecMount.MountType.SECRET, null, null, opt, null);
    }

    static MountSpec ssh(String dest, ExecMount.SshOpt opt) {
        return new MountSpec(null, "", dest, true, false, ExecMount.MountType.SSH, null, null, null, opt);
    }

    ExecMount write(int input, int output) {
        return new ExecMount(input, selector, dest, output, readonly, type, cacheOpt, tmpfsOpt, secretOpt, sshOpt);
    }
}
