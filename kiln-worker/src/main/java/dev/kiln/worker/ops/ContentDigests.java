package dev.kiln.worker.ops;

import dev.kiln.core.Digest;
import dev.kiln.graph.FileAction;
import dev.kiln.solver.WorkerSpi;
import dev.kiln.worker.contenthash.ChecksumOptions;
import dev.kiln.worker.contenthash.ContentHash;
import dev.kiln.worker.contenthash.StatCache;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Content keys of copy sources: the checksum of exactly the files each copy reads. A synced build
 * context is hashed through its persistent stat cache (unchanged files are not read again); a
 * committed snapshot is immutable, so its checksums are remembered for the life of the worker.
 */
final class ContentDigests {
    private final WorkerContext worker;
    private final Map<String, Digest> snapshotDigests = new ConcurrentHashMap<>();

    ContentDigests(WorkerContext worker) {
        this.worker = worker;
    }

    Digest of(WorkerSpi.Result input, List<FileAction.Copy> copies) {
        if (input instanceof ContextResult context) {
            StatCache stats = StatCache.load(context.dir().resolveSibling(context.dir().getFileName() + ".stats"));
            Digest d = combine(new ContentHash(context.dir(), stats), copies);
            stats.save();
            return d;
        }
        String name = worker.snapshotName(input);
        return snapshotDigests.computeIfAbsent(name + "\n" + selector(copies), k -> {
            try (ReadOnlyInputs view = new ReadOnlyInputs(worker)) {
                return combine(new ContentHash(view.mount(input)), copies);
            }
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

    private static Digest combine(ContentHash hash, List<FileAction.Copy> copies) {
        if (copies.size() == 1) {
            return hash.checksum(copies.getFirst().src(), ChecksumOptions.of(copies.getFirst()));
        }
        StringBuilder b = new StringBuilder();
        for (FileAction.Copy c : copies) {
            b.append(hash.checksum(c.src(), ChecksumOptions.of(c))).append('\n');
        }
        return Digest.sha256(b.toString());
    }
}
