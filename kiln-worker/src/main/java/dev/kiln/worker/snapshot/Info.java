package dev.kiln.worker.snapshot;

import java.time.Instant;
import java.util.Map;

/**
 * What the snapshotter knows about one snapshot.
 *
 * @param name the key of an active or view snapshot, or the name of a committed one
 * @param parent the committed parent's name, or null for a snapshot without parent
 */
public record Info(String name, String parent, Kind kind, Map<String, String> labels, Instant created,
                   Instant updated) {
    public Info {
        labels = Map.copyOf(labels);
    }
}
