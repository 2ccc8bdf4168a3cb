package dev.kiln.cli.cache;

import dev.kiln.worker.cachemount.CacheMountInfo;
import dev.kiln.worker.ops.BuildCache;

import java.time.Instant;

/**
 * One record of {@code kiln du}, in BuildKit's vocabulary: {@code type} is {@code exec.cachemount} for a
 * cache mount directory and {@code regular} for a snapshot of the build cache; {@code reclaimable} means
 * no running build holds it.
 */
record CacheUsage(String id, String type, long size, Instant created, Instant lastUsed, boolean reclaimable,
                  String description) {
    static final String CACHE_MOUNT = "exec.cachemount";
    static final String REGULAR = "regular";

    static CacheUsage of(CacheMountInfo m) {
        return new CacheUsage(m.recordId(), CACHE_MOUNT, m.size(), m.created(), m.lastUsed(), !m.inUse(),
                "cached mount with id \"" + m.key() + "\"" + (m.sourceKey().isEmpty() ? "" : " from " + m.sourceKey()));
    }

    static CacheUsage of(BuildCache.Entry e) {
        return new CacheUsage(e.name(), REGULAR, e.size(), e.created(), e.lastUsed(), !e.inUse(),
                e.imageLayer() ? "pulled image layer" : "build step result");
    }
}
