package dev.kiln.worker.ops;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.graph.ExecMount;
import dev.kiln.worker.cachemount.CacheMountSpec;
import dev.kiln.worker.sys.FileStat;
import dev.kiln.worker.sys.LinuxFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The cache directory a {@code type=cache} mount asks for. The graph's id is already
 * {@code namespace/id} (the Dockerfile joins BUILDKIT_CACHE_MOUNT_NS and the id, which defaults to the
 * target); it is split at its first slash, so the manager's key is exactly that id again. A mount with a
 * source ({@code from=}, or the directory the frontend makes for {@code uid/gid/mode}) is seeded from it
 * and owned and permissioned like it; its identity is the content of that source, so rebuilding the
 * source unchanged (say with {@code --no-cache}) keeps the same cache directory.
 */
final class CacheMounts {
    private static final int DEFAULT_MODE = 0755;

    private CacheMounts() {
    }

    static CacheMountSpec spec(ExecMount m, String sourceKey, Optional<Path> seed) {
        String full = m.cacheOpt() == null || m.cacheOpt().id().isEmpty() ? m.dest() : m.cacheOpt().id();
        int slash = full.indexOf('/');
        String namespace = slash < 0 ? "" : full.substring(0, slash);
        String id = slash < 0 ? full : full.substring(slash + 1);
        ExecMount.Sharing sharing = m.cacheOpt() == null ? ExecMount.Sharing.SHARED : m.cacheOpt().sharing();
        if (seed.isEmpty()) {
            return new CacheMountSpec(namespace, id, sourceKey, sharing, DEFAULT_MODE, 0, 0, Optional.empty());
        }
        FileStat stat = stat(seed.get(), m.dest());
        if (!stat.isDirectory()) {
            throw new KilnException(ErrorKind.INVALID_ARGUMENT, "cache mount " + m.dest() + ": source "
                    + m.selector() + " is not a directory");
        }
        return new CacheMountSpec(namespace, id, sourceKey, sharing, stat.permissions(), stat.uid(), stat.gid(), seed);
    }

    private static FileStat stat(Path path, String dest) {
        try {
            return LinuxFiles.lstat(path);
        } catch (IOException e) {
            throw new KilnException(ErrorKind.INTERNAL, "cache mount " + dest + ": " + e.getMessage(), e);
        }
    }
}
