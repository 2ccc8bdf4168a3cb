package dev.kiln.solver.cache;

import java.time.Clock;

class InMemoryCacheStoreTest extends CacheStoreContract {
    @Override
    CacheStore create(Clock clock) {
        return new InMemoryCacheStore(clock);
    }
}
