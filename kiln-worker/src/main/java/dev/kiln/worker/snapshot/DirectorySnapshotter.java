package dev.kiln.worker.snapshot;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.worker.sys.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * What the overlay and native snapshotters share (containerd's layout): {@code <root>/metadata.db} and one
 * directory {@code <root>/snapshots/<id>/} per snapshot holding {@code fs/} (and {@code work/} for active overlay
 * snapshots).
 *
 * <p>Crash safety: a new snapshot is built in {@code snapshots/new-*} and renamed to its id inside the metadata
 * transaction that records it; a removed snapshot leaves the metadata first. So after a crash every directory
 * under {@code snapshots/} that the metadata does not know is debris, and opening the snapshotter deletes it
 * (after detaching any mount left below the root). Only what makes a layer waits for the disk (a commit, and the
 * removal of a committed snapshot): active and view snapshots are scratch, recorded without syncing, so that a
 * power loss can at worst lose them or leave one behind, never a committed snapshot without its directory.
 */
abstract sealed class DirectorySnapshotter implements Snapshotter permits OverlaySnapshotter, NativeSnapshotter {
    private final ReentrantLock lock = new ReentrantLock();
    /** Parents being copied from outside the lock; they must not be removed meanwhile. */
    private final Map<Long, Integer> pinned = new HashMap<>();
    private final Path root;
    private final Path snapshots;
    private final MetaStore store;

    DirectorySnapshotter(Path root) {
        this.root = root.toAbsolutePath().normalize();
        this.snapshots = this.root.resolve("snapshots");
        try {
            Files.createDirectories(snapshots);
            Mounter.unmountAllUnder(this.root);
        } catch (IOException e) {
            throw internal("open snapshotter " + this.root, e);
        }
        this.store = MetaStore.open(this.root.resolve("metadata.db"));
        removeDebris();
    }

    /** Fills the new snapshot's {@code fs} directory before it is recorded. */
    abstract void populate(Path fs, Kind kind, List<Path> parentFs) throws IOException;

    /** The mounts of an active or view snapshot whose ancestors' {@code fs} dirs are {@code parentFs}. */
    abstract List<Mount> mounts(SnapshotRow row, Path fs, List<Path> parentFs);

    final Path fsDir(long id) {
        return snapshots.resolve(Long.toString(id)).resolve("fs");
    }

    final Path workDir(long id) {
        return snapshots.resolve(Long.toString(id)).resolve("work");
    }

    @Override
    public Info stat(String key) {
        return locked(() -> existing(key).info());
    }

    @Override
    public Usage usage(String key) {
        SnapshotRow row = locked(() -> existing(key));
        return row.kind() == Kind.COMMITTED ? row.usage() : measure(row, key);
    }

    /** The usage of a snapshot's own directory, measured now (outside the lock: the directory's owner writes it). */
    private Usage measure(SnapshotRow row, String key) {
        Path fs = fsDir(row.id());
        try {
            return DiskUsage.of(fs);
        } catch (IOException e) {
            if (!Files.exists(fs)) {
                throw new KilnException(ErrorKind.NOT_FOUND, "snapshot " + key + ": removed while measuring usage", e);
            }
            throw internal("usage of snapshot " + key, e);
        }
    }

    @Override
    public List<Mount> mounts(String key) {
        return locked(() -> {
            SnapshotRow row = existing(key);
            if (row.kind() == Kind.COMMITTED) {
                throw new KilnException(ErrorKind.FAILED_PRECONDITION,
                        "snapshot " + key + " is committed; prepare or view a child to mount it");
            }
            return mounts(row, fsDir(row.id()), parentDirs(row.parentId()));
        });
    }

    @Override
    public List<Mount> prepare(String key, String parent, Map<String, String> labels) {
        return create(Kind.ACTIVE, key, parent, labels);
    }

    @Override
    public List<Mount> view(String key, String parent, Map<String, String> labels) {
        return create(Kind.VIEW, key, parent, labels);
    }

    @Override
    public void commit(String name, String key, Map<String, String> labels) {
        SnapshotRow active = locked(() -> active(key));
        Usage usage = measure(active, key); // a layer import has thousands of entries: not under the lock
        locked(() -> {
            SnapshotRow row = committable(name, key);
            if (row.id() != active.id()) {
                throw new KilnException(ErrorKind.NOT_FOUND, "snapshot " + key + ": removed while being committed");
            }
            Map<String, String> merged = new HashMap<>(row.labels());
            merged.putAll(labels);
            AtomicFiles.syncDirectory(snapshots); // the directory's rename from prepare, before the row says committed
            store.transaction(() -> {
                store.markCommitted(row.id(), name, merged, usage, Instant.now());
                return null;
            });
            return null;
        });
    }

    private SnapshotRow committable(String name, String key) throws SQLException {
        SnapshotRow row = active(key);
        requireAbsent(name);
        return row;
    }

    private SnapshotRow active(String key) throws SQLException {
        SnapshotRow row = existing(key);
        if (row.kind() != Kind.ACTIVE) {
            throw new KilnException(ErrorKind.FAILED_PRECONDITION, "snapshot " + key + " is "
                    + row.kind().name().toLowerCase() + "; only active snapshots can be committed");
        }
        return row;
    }

    @Override
    public Info updateLabels(String key, Map<String, String> labels) {
        labels.forEach((k, v) -> {
            if (k == null || k.isEmpty() || v == null) {
                throw new KilnException(ErrorKind.INVALID_ARGUMENT,
                        "snapshot " + key + ": a label needs a non-empty key and a value");
            }
        });
        // Read and written in one transaction, which holds the write lock, so that labels another process adds
        // to the same snapshot meanwhile are kept, not overwritten with what was read before.
        return locked(() -> store.transaction(() -> {
            SnapshotRow row = existing(key);
            Map<String, String> merged = new HashMap<>(row.labels());
            merged.putAll(labels);
            store.updateLabels(row.id(), merged, Instant.now());
            return store.get(key).orElseThrow().info();
        }));
    }

    @Override
    public void remove(String key) {
        long id = locked(() -> {
            SnapshotRow row = existing(key);
            if (store.hasChildren(row.id())) {
                throw new KilnException(ErrorKind.FAILED_PRECONDITION,
                        "snapshot " + key + " has children; remove them first");
            }
            if (pinned.containsKey(row.id())) {
                throw new KilnException(ErrorKind.FAILED_PRECONDITION,
                        "snapshot " + key + " is the parent of a snapshot being prepared");
            }
            MetaStore.Work<Void> delete = () -> {
                store.delete(row.id());
                return null;
            };
            // A committed snapshot's removal must stick before its directory goes; a scratch one may come back.
            if (row.kind() == Kind.COMMITTED) {
                store.transaction(delete);
            } else {
                store.scratchTransaction(delete);
            }
            return row.id();
        });
        try {
            Trees.deleteRecursively(snapshots.resolve(Long.toString(id)));
        } catch (IOException e) {
            // The snapshot is already gone from the metadata; its directory is debris the next open deletes.
        }
    }

    @Override
    public void walk(Consumer<Info> visitor) {
        locked(store::all).forEach(row -> visitor.accept(row.info()));
    }

    @Override
    public void walk(Set<Kind> kinds, Consumer<Info> visitor) {
        locked(() -> store.ofKinds(kinds)).forEach(row -> visitor.accept(row.info()));
    }

    @Override
    public void close() {
        locked(() -> {
            store.close();
            return null;
        });
    }

    private List<Mount> create(Kind kind, String key, String parent, Map<String, String> labels) {
        SnapshotRow parentRow = locked(() -> {
            requireAbsent(key);
            SnapshotRow p = parent == null ? null : committedParent(parent);
            if (p != null) {
                pinned.merge(p.id(), 1, Integer::sum);
            }
            return p;
        });
        Path temp = null;
        Path[] placed = {null};
        try {
            List<Path> parentFs = parentRow == null ? List.of() : locked(() -> parentDirs(parentRow.id()));
            temp = Files.createTempDirectory(snapshots, "new-");
            Path fs = Files.createDirectory(temp.resolve("fs"));
            if (kind == Kind.ACTIVE) {
                Files.createDirectory(temp.resolve("work"));
            }
            populate(fs, kind, parentFs);
            Path built = temp;
            // Not synced: until its commit a snapshot is scratch (commit syncs the rename before recording it).
            SnapshotRow row = locked(() -> store.scratchTransaction(() -> {
                requireAbsent(key);
                Instant now = Instant.now();
                Long parentId = parentRow == null ? null : parentRow.id();
                long id = store.insert(key, kind, parentId, labels, now);
                placed[0] = snapshots.resolve(Long.toString(id));
                Files.move(built, placed[0], StandardCopyOption.ATOMIC_MOVE);
                return new SnapshotRow(id, key, kind, parentId, parent, Map.copyOf(labels), now, now,
                        new Usage(0, 0));
            }));
            temp = null;
            placed[0] = null;
            return mounts(row, fsDir(row.id()), parentFs);
        } catch (IOException e) {
            throw internal("create snapshot " + key, e);
        } finally {
            // On failure: the half-made directory, wherever it got to, was never recorded (or was rolled back).
            discard(temp);
            discard(placed[0]);
            if (parentRow != null) {
                locked(() -> pinned.computeIfPresent(parentRow.id(), (id, n) -> n == 1 ? null : n - 1));
            }
        }
    }

    private SnapshotRow committedParent(String parent) throws SQLException {
        SnapshotRow p = store.get(parent).orElseThrow(() -> new KilnException(ErrorKind.NOT_FOUND,
                "parent snapshot " + parent + ": not found"));
        if (p.kind() != Kind.COMMITTED) {
            throw new KilnException(ErrorKind.INVALID_ARGUMENT, "parent snapshot " + parent + " is not committed");
        }
        return p;
    }

    private List<Path> parentDirs(Long parentId) throws SQLException {
        if (parentId == null) {
            return List.of();
        }
        List<Path> dirs = new ArrayList<>();
        dirs.add(fsDir(parentId));
        store.ancestors(parentId).forEach(id -> dirs.add(fsDir(id)));
        return dirs;
    }

    private SnapshotRow existing(String key) throws SQLException {
        return store.get(key).orElseThrow(() ->
                new KilnException(ErrorKind.NOT_FOUND, "snapshot " + key + ": not found"));
    }

    private void requireAbsent(String key) throws SQLException {
        if (key == null || key.isEmpty()) {
            throw new KilnException(ErrorKind.INVALID_ARGUMENT, "snapshot key must not be empty");
        }
        if (store.exists(key)) {
            throw new KilnException(ErrorKind.ALREADY_EXISTS, "snapshot " + key + ": already exists");
        }
    }

    /** Deletes every directory under {@code snapshots/} the metadata does not know (see the class comment). */
    private void removeDebris() {
        try (Stream<Path> entries = Files.list(snapshots)) {
            Set<Long> ids = locked(store::ids);
            for (Path p : entries.toList()) {
                String name = p.getFileName().toString();
                if (!name.matches("[0-9]+") || !ids.contains(Long.parseLong(name))) {
                    Trees.deleteRecursively(p);
                }
            }
        } catch (IOException e) {
            throw internal("clean up snapshots under " + root, e);
        }
    }

    private static void discard(Path dir) {
        if (dir != null) {
            try {
                Trees.deleteRecursively(dir);
            } catch (IOException ignored) {
                // Unrecorded directories are debris that the next open deletes.
            }
        }
    }

    @FunctionalInterface
    private interface LockedWork<T> {
        T run() throws Exception;
    }

    private <T> T locked(LockedWork<T> work) {
        lock.lock();
        try {
            return work.run();
        } catch (KilnException e) {
            throw e;
        } catch (Exception e) {
            throw internal("snapshotter " + root, e);
        } finally {
            lock.unlock();
        }
    }

    private static KilnException internal(String what, Exception e) {
        return new KilnException(ErrorKind.INTERNAL, what + ": " + e.getMessage(), e);
    }
}
