package dev.kiln.frontend.dockerfile.convert;

import dev.kiln.graph.ExecMount;

/**
 * A mount of an exec before it is written: {@code source} is the mounted vertex output (null for an
 * empty filesystem). Only the root mount has an output; every RUN --mount is read-only or throw-away,
 * as in BuildKit's Dockerfile frontend.
 */
record MountPlan(Ref source, String selector, String dest, boolean readonly, boolean hasOutput,
                 ExecMount.MountType type, ExecMount.CacheOpt cacheOpt, ExecMount.TmpfsOpt tmpfsOpt,
                 ExecMount.SecretOpt secretOpt, ExecMount.SshOpt sshOpt) {

    static MountPlan root(Ref source) {
        return new MountPlan(source, "/", "/", false, true, ExecMount.MountType.BIND, null, null, null, null);
    }

    static MountPlan bind(Ref source, String selector, String dest, boolean readonly) {
        return new MountPlan(source, selector, dest, readonly, false, ExecMount.MountType.BIND, null, null, null,
                null);
    }

    static MountPlan cache(Ref source, String selector, String dest, boolean readonly, ExecMount.CacheOpt opt) {
        return new MountPlan(source, selector, dest, readonly, false, ExecMount.MountType.CACHE, opt, null, null,
                null);
    }

    static MountPlan tmpfs(String dest, long size) {
        return new MountPlan(null, "", dest, false, false, ExecMount.MountType.TMPFS, null,
                new ExecMount.TmpfsOpt(size), null, null);
    }

    static MountPlan secret(String dest, ExecMount.SecretOpt opt) {
        return new MountPlan(null, "", dest, true, false, ExecMount.MountType.SECRET, null, null, opt, null);
    }

    static MountPlan ssh(String dest, ExecMount.SshOpt opt) {
        return new MountPlan(null, "", dest, true, false, ExecMount.MountType.SSH, null, null, null, opt);
    }

    ExecMount write(int input, int output) {
        return new ExecMount(input, selector, dest, output, readonly, type, cacheOpt, tmpfsOpt, secretOpt, sshOpt);
    }
}
