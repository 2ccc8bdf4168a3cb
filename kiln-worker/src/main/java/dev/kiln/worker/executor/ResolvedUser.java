package dev.kiln.worker.executor;

import java.util.List;

/** The numeric identity a container process runs as. */
record ResolvedUser(long uid, long gid, List<Long> additionalGids) {
    static final ResolvedUser ROOT = new ResolvedUser(0, 0, List.of());

    ResolvedUser {
        additionalGids = List.copyOf(additionalGids);
    }
}
