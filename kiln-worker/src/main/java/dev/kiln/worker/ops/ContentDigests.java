package dev.kiln.worker.ops;

import dev.kiln.core.Digest;
import dev.kiln.graph.FileAction;
import dev.kiln.solver.WorkerSpi;
import dev.kiln.worker.contenthash.ChecksumOptions;
import dev.kiln.worker.contenthash.ContentHash;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Content keys of the inputs a step reads (copy sources, read-only exec mounts): the checksum of exactly
 * the selected files. A synced build context is hashed through its persistent stat cache (unchanged
 * files are not read again). A committed snapshot is immutable, so a checksum of it is kept as a label of the
 * snapshot, like BuildKit's content-hash records on a cache ref: the next build that copies from it (a cached
 * {@code COPY --from}) neither mounts nor reads it.
 */
final class ContentDigests {
    /** How exec mounts select: the path itself, a final symlink followed (BuildKit's exec selectors). */
    private static final ChecksumOptions MOUNTED = new ChecksumOptions(true, false, List.of(), List.of());
    /** Label prefix of a remembered checksum; the rest is the digest of the selections. Bump on algorithm changes. */
    static final String CHECKSUM_LABEL = "kiln.dev/checksum.v1/";

    private final WorkerContext worker;
    private final Map<String, Digest> snapshotDigests = new ConcurrentHashMap<>();

    ContentDigests(WorkerContext worker) {
        this.worker = worker;
    }

    /** One selected path and how it is checksummed. */
    private record Selection(String path, ChecksumOptions options) {
    }

    /** The checksum of the files the copies read. */
    Digest of(WorkerSpi.Result input, List<FileAction.Copy> copies) {
        return selected(input, copies.stream().map(c -> new Selection(c.src(), ChecksumOptions.of(c))).toList());
    }

    /** The checksum of the paths an exec mounts from {@code input}. */
    Digest ofMounted(WorkerSpi.Result input, List<String> paths) {
        return selected(input, paths.stream().map(p -> new Selection(p, MOUNTED)).toList());
    }

    private Digest selected(WorkerSpi.Result input, List<Selection> selections) {
        if (input instanceof ContextResult context) {
            return combine(ContentHash.ofSyncedContext(context.dir(), context.stats()), selections);
        }
        String name = worker.snapshotName(input);
        String label = CHECKSUM_LABEL + Digest.sha256(selections.toString()).hex();
        return snapshotDigests.computeIfAbsent(name + "\n" + label, k -> {
            String known = worker.snapshotter().stat(name).labels().get(label);
            if (known != null) {
                return Digest.parse(known);
            }
            Digest computed;
            try (ReadOnlyInputs view = new ReadOnlyInputs(worker)) {
                computed = combine(new ContentHash(view.mount(input)), selections);
            }
            worker.snapshotter().updateLabels(name, Map.of(label, computed.toString()));
            return computed;
        });
    }

    /** What the copies select, for the cache key's selector. */
    static Digest selector(List<FileAction.Copy> copies) {
        StringBuilder b = new StringBuilder();
        for (FileAction.Copy c : copies) {
            b.append(c.src()).append('\0').append(ChecksumOptions.of(c)).append('\n');
        }
        return Digest.sha256(b.toString());
    }

    private static Digest combine(ContentHash hash, List<Selection> selections) {
        if (selections.size() == 1) {
            return hash.checksum(selections.getFirst().path(), selections.getFirst().options());
        }
        StringBuilder b = new StringBuilder();
        for (Selection s : selections) {
            b.append(hash.checksum(s.path(), s.options())).append('\n');
        }
        return Digest.sha256(b.toString());
    }
}
