package dev.kiln.worker.ops;

import dev.kiln.graph.Graph;
import dev.kiln.graph.Node;
import dev.kiln.graph.SourceOp;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * Context syncs started before the build graph exists, so that transferring the context overlaps the frontend's
 * work (resolving base images over the network, above all). The local source that asks for the same directory
 * with the same exclude patterns takes the sync over as its own, waiting for it if need be; one nobody takes is
 * canceled or released when the build ends. A failed sync is reported only to a source that takes it, as the
 * same failure its own sync would have had.
 */
public final class ContextPrefetch implements AutoCloseable {
    private record Key(String name, List<String> excludes) {
    }

    private record Started(Thread thread, CompletableFuture<ContextSync.Synced> sync) {
    }

    private final Map<Key, Started> started = new ConcurrentHashMap<>();
    private final Path mirrorsRoot;
    private final Path keepOut;

    /** @param workerStateRoot the {@code worker} directory of Kiln's state root (as for {@link BuildWorker}) */
    public ContextPrefetch(Path workerStateRoot) {
        this.mirrorsRoot = BuildWorker.mirrorsRoot(workerStateRoot);
        this.keepOut = BuildWorker.keepOut(workerStateRoot);
    }

    /** Starts syncing {@code dir} (the local source {@code name}) with {@code excludes} now. */
    public void start(String name, Path dir, List<String> excludes) {
        Key key = new Key(name, List.copyOf(excludes));
        CompletableFuture<ContextSync.Synced> sync = new CompletableFuture<>();
        Thread thread = Thread.ofVirtual().name("context-prefetch-" + name).unstarted(() -> {
            try {
                sync.complete(ContextSync.run(dir, key.excludes(), mirrorsRoot, keepOut));
            } catch (Throwable e) {
                sync.completeExceptionally(e);
            }
        });
        if (started.putIfAbsent(key, new Started(thread, sync)) == null) {
            thread.start();
        }
    }

    /** The sync started for {@code name} with exactly {@code excludes}, once done; empty when none was. */
    Optional<ContextSync.Synced> take(String name, List<String> excludes) throws InterruptedException {
        Started s = started.remove(new Key(name, List.copyOf(excludes)));
        if (s == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(s.sync().get());
        } catch (InterruptedException e) {
            s.thread().interrupt();
            release(s);
            throw e;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof InterruptedException i) {
                throw i;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r; // a KilnException above all, as the source's own sync would have thrown it
            }
            throw new IllegalStateException("context sync failed", e.getCause());
        }
    }

    /**
     * Cancels (or releases) the syncs that no local source the result of {@code graph} needs asks for: a build that
     * reads nothing from a context must not hold its mirror locked for the rest of the build.
     */
    public void keepOnlyUsedBy(Graph graph) {
        Set<Key> wanted = new HashSet<>();
        for (Node node : graph.reachable()) {
            if (node.op() instanceof SourceOp source && source.isLocal()) {
                wanted.add(new Key(LocalSourceHandler.name(source), LocalSourceHandler.excludes(source)));
            }
        }
        for (Key key : List.copyOf(started.keySet())) {
            if (!wanted.contains(key)) {
                Started s = started.remove(key);
                if (s != null) {
                    s.thread().interrupt();
                    release(s);
                }
            }
        }
    }

    /** Cancels the syncs no source took and releases those that finished. */
    @Override
    public void close() {
        started.values().forEach(s -> s.thread().interrupt());
        started.values().forEach(ContextPrefetch::release);
        started.clear();
    }

    /** Waits for the sync to end, then gives back what it holds. */
    private static void release(Started s) {
        boolean interrupted = false;
        while (true) {
            try {
                s.sync().get().result().release();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (ExecutionException e) {
                break; // failed or canceled: it holds nothing
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
