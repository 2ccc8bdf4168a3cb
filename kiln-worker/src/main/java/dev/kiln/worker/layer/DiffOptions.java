package dev.kiln.worker.layer;

import java.time.Instant;

/**
 * How a layer diff is written.
 *
 * @param modTimeUpperBound clamp later mtimes to this (SOURCE_DATE_EPOCH with rewrite-timestamp); null for none
 */
public record DiffOptions(Instant modTimeUpperBound) {
    public static final DiffOptions DEFAULT = new DiffOptions(null);
}
