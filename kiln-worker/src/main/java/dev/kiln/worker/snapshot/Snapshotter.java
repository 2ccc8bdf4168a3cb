package dev.kiln.worker.snapshot;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Layered filesystem snapshots, with containerd's verbs and vocabulary so that containerd's documentation
 * explains this interface too.
 *
 * <p>Vocabulary: a {@code key} names an <em>active</em> (writable) or <em>view</em> (read-only) snapshot; a
 * {@code name} names a <em>committed</em> (immutable) snapshot; a {@code parent} is always a committed name (or
 * null for an empty base). Keys and names share one namespace. Snapshotters never mount anything: they return
 * {@link Mount} lists that a {@link Mounter} performs.
 *
 * <p>Importing a layer:
 * <pre>{@code
 * List<Mount> mounts = sn.prepare("extract-1", null);          // empty, writable
 * mounter.mount(mounts, dir);  // ... write the layer's files below dir ...
 * mounter.unmount(dir);
 * sn.commit("layer-1", "extract-1");                            // "extract-1" is gone, "layer-1" exists
 * }</pre>
 * Importing the next layer uses {@code prepare("extract-2", "layer-1")}; its mounts show layer-1's files, and the
 * changes written through them are what {@code commit("layer-2", "extract-2")} freezes. Running a container on
 * top is {@code prepare("ctr-rootfs", "layer-2")}; reading without writing is {@code view("ro", "layer-2")}.
 *
 * <p>Rules: a view cannot be committed; a snapshot that is somebody's parent cannot be removed; removing an
 * active snapshot discards its changes. All changes to metadata are transactional and survive a crash: a
 * snapshot that was half-made when the process died is cleaned up when the snapshotter is opened again.
 * Errors are {@link dev.kiln.core.KilnException}s of kind NOT_FOUND, ALREADY_EXISTS, FAILED_PRECONDITION,
 * INVALID_ARGUMENT (or INTERNAL for I/O failures). Implementations are thread-safe.
 */
public interface Snapshotter extends AutoCloseable {
    /** Label holding the uncompressed layer digest of a committed snapshot (containerd's well-known key). */
    String LABEL_DIFF_ID = "containerd.io/snapshot/diff-id";

    /** "overlayfs" or "native", as BuildKit names its snapshotters. */
    String name();

    Info stat(String key);

    /** Disk usage of the snapshot's own changes; computed now for active snapshots, stored for committed ones. */
    Usage usage(String key);

    /** The mounts of an active or view snapshot (the same list {@code prepare}/{@code view} returned). */
    List<Mount> mounts(String key);

    /** A new writable snapshot on top of {@code parent} (null: empty). */
    List<Mount> prepare(String key, String parent, Map<String, String> labels);

    default List<Mount> prepare(String key, String parent) {
        return prepare(key, parent, Map.of());
    }

    /** A new read-only snapshot showing {@code parent} (null: empty). */
    List<Mount> view(String key, String parent, Map<String, String> labels);

    default List<Mount> view(String key, String parent) {
        return view(key, parent, Map.of());
    }

    /** Freezes the active snapshot {@code key} as {@code name}; {@code key} no longer exists afterwards. */
    void commit(String name, String key, Map<String, String> labels);

    default void commit(String name, String key) {
        commit(name, key, Map.of());
    }

    /**
     * Adds {@code labels} to the snapshot {@code key} of any kind, replacing the values of keys it already has and
     * keeping the others (containerd's {@code Update} of label field paths); returns the updated info. Labels are
     * metadata, so a committed snapshot stays immutable: this is how facts learnt about its content later (such as
     * the blobs an export made of it) are kept with it. The change is durable once this returns.
     */
    Info updateLabels(String key, Map<String, String> labels);

    /** Removes a snapshot of any kind that has no children. */
    void remove(String key);

    /** Visits every snapshot. */
    void walk(Consumer<Info> visitor);

    /**
     * Visits the snapshots of the given kinds only (containerd's Walk takes such filters): a sweep for unfinished
     * work need not read every committed layer of a large cache.
     */
    void walk(Set<Kind> kinds, Consumer<Info> visitor);

    @Override
    void close();
}
