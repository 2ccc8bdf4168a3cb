package dev.kiln.solver.cache;

import dev.kiln.core.Digest;

import java.time.Instant;

/**
 * The result stored under a cache key: the worker's result id, when it was recorded and last
 * reused, its size in bytes (-1 when unknown) and how often it was reused.
 */
public record CacheRecord(Digest key, String resultId, Instant created, Instant lastUsed, long size, long usageCount) {
}
