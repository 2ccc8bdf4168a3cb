package dev.kiln.worker.cachemount;

import java.time.Instant;

/**
 * One cache directory as {@code kiln du} shows it.
 *
 * @param key BuildKit's cache id ({@code namespace/id})
 * @param size bytes allocated on disk, hard links counted once
 * @param inUse whether some build, in this process or another, holds it right now
 */
public record CacheMountInfo(String recordId, String key, String sourceKey, long size, Instant created,
                             Instant lastUsed, boolean inUse) {
}
