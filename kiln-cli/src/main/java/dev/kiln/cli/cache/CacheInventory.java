package dev.kiln.cli.cache;

import dev.kiln.cli.engine.Engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Every cache record of a state root: the cache mount directories, then the build cache snapshots. */
final class CacheInventory {
    private CacheInventory() {
    }

    static List<CacheUsage> of(Engine engine) {
        List<CacheUsage> all = new ArrayList<>();
        engine.cacheMounts().list().stream().map(CacheUsage::of).forEach(all::add);
        engine.buildCache().list().stream().map(CacheUsage::of)
                .sorted(Comparator.comparing(CacheUsage::lastUsed)).forEach(all::add);
        return all;
    }
}
