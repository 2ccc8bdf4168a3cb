package dev.kiln.worker.snapshot;

/** The three states a snapshot can be in (containerd's snapshots.Kind). */
public enum Kind {
    /** Read-only, made by {@code view}; cannot be committed. */
    VIEW,
    /** Writable, made by {@code prepare}; becomes committed by {@code commit}. */
    ACTIVE,
    /** Immutable; the only kind that can be a parent. */
    COMMITTED
}
