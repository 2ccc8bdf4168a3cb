package dev.kiln.solver;

import dev.kiln.solver.cache.CacheStore;

import java.time.Clock;
import java.util.concurrent.Semaphore;

/** What every vertex of one solver uses: the worker, the cache store and the exec slots (null: unbounded). */
record Services(WorkerSpi worker, CacheStore store, Semaphore execSlots, Clock clock) {
}
