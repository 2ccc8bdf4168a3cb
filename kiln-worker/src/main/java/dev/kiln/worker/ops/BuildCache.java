package dev.kiln.worker.ops;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.solver.cache.CacheRecord;
import dev.kiln.solver.cache.CacheStore;
import dev.kiln.worker.snapshot.Info;
import dev.kiln.worker.snapshot.Kind;
import dev.kiln.worker.snapshot.Snapshotter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The build cache as {@code kiln du} lists it and {@code kiln prune} empties it: the committed snapshots
 * (step results, and the layers of pulled images) with the solver records that point at them.
 *
 * <p>A snapshot with a writable or read-only child is in use by a running build and is never removed.
 * Pruning goes leaf first: a parent becomes removable once its children are gone. There are no leases
 * yet, so a build that just found a cached result in another process can lose it to a concurrent prune
 * and fail; prune when no build runs on the same state root.
 */
public final class BuildCache {
    private final Snapshotter snapshotter;
    private final CacheStore records;

    public BuildCache(Snapshotter snapshotter, CacheStore records) {
        this.snapshotter = snapshotter;
        this.records = records;
    }

    /**
     * One committed snapshot.
     *
     * @param imageLayer whether it is a layer of a pulled image (BuildKit keeps those unless prune --all)
     * @param inUse whether a running build has it mounted or builds on it right now
     */
    public record Entry(String name, long size, Instant created, Instant lastUsed, boolean imageLayer,
                        boolean inUse, boolean hasChildren) {
    }

    /** Every committed snapshot, in the snapshotter's order. */
    public List<Entry> list() {
        List<Info> all = new ArrayList<>();
        snapshotter.walk(all::add);
        Set<String> parents = new HashSet<>();
        Set<String> usedByBuilds = new HashSet<>();
        for (Info i : all) {
            if (i.parent() != null) {
                parents.add(i.parent());
                if (i.kind() != Kind.COMMITTED) {
                    usedByBuilds.add(i.parent());
                }
            }
        }
        Map<String, Instant> lastUsed = lastUseByResult();
        List<Entry> entries = new ArrayList<>();
        for (Info i : all) {
            if (i.kind() == Kind.COMMITTED) {
                entries.add(new Entry(i.name(), snapshotter.usage(i.name()).size(), i.created(),
                        lastUsed.getOrDefault(SnapshotResult.PREFIX + i.name(), i.updated()),
                        i.name().startsWith(LayerLabels.LAYER_PREFIX), usedByBuilds.contains(i.name()),
                        parents.contains(i.name())));
            }
        }
        return entries;
    }

    /** Removes the entries {@code filter} selects that no build uses, with their cache records; returns them. */
    public List<Entry> prune(Predicate<Entry> filter) {
        List<Entry> removed = new ArrayList<>();
        while (true) {
            List<Entry> leaves = list().stream().filter(e -> !e.hasChildren() && !e.inUse()).filter(filter).toList();
            int before = removed.size();
            for (Entry e : leaves) {
                if (remove(e.name())) {
                    removed.add(e);
                }
            }
            if (removed.size() == before) {
                return removed;
            }
        }
    }

    private boolean remove(String name) {
        try {
            snapshotter.remove(name);
        } catch (KilnException e) {
            if (e.kind() == ErrorKind.FAILED_PRECONDITION || e.kind() == ErrorKind.NOT_FOUND) {
                return false; // a build started on it, or another prune removed it
            }
            throw e;
        }
        records.removeResult(SnapshotResult.PREFIX + name);
        return true;
    }

    private Map<String, Instant> lastUseByResult() {
        Map<String, Instant> last = new HashMap<>();
        for (CacheRecord r : records.records()) {
            last.merge(r.resultId(), r.lastUsed(), (a, b) -> a.isAfter(b) ? a : b);
        }
        return last;
    }
}
