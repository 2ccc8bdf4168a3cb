package dev.kiln.worker.snapshot;

import java.time.Instant;
import java.util.Map;

/** One snapshot as stored: its numeric id names its directory {@code snapshots/<id>}. */
record SnapshotRow(long id, String key, Kind kind, Long parentId, String parentKey, Map<String, String> labels,
                   Instant created, Instant updated, Usage usage) {
    Info info() {
        return new Info(key, parentKey, kind, labels, created, updated);
    }
}
