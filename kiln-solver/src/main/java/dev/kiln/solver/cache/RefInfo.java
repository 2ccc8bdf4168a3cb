package dev.kiln.solver.cache;

import java.time.Instant;
import java.util.List;

/**
 * Bookkeeping for one worker result (a snapshot) for disk-usage reports and garbage collection:
 * the refs it is built on ({@code parents}, lowest first), its own size in bytes, when it was
 * made and last used, and a short description ({@code exec.cachemount}, {@code regular} ...).
 */
public record RefInfo(String id, List<String> parents, long size, Instant created, Instant lastUsed, String kind) {
    public RefInfo {
        parents = List.copyOf(parents);
    }
}
