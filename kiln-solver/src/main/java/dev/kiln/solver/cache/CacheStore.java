package dev.kiln.solver.cache;

import dev.kiln.core.Digest;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Persistent solver cache metadata: which worker result belongs to which cache key, the links
 * between keys, and the refs those results are made of. Stores only ids and numbers; the data
 * itself lives in the worker, which validates a result when it is loaded again.
 *
 * <p>Every method is atomic and thread-safe. A record is saved only after the worker committed
 * its result, so a crash can leave unreferenced worker data behind (found by GC) but never a
 * record pointing at data that was not written.
 */
public interface CacheStore extends AutoCloseable {

    Optional<CacheRecord> find(Digest key);

    /** Records {@code resultId} as the result for {@code key}, replacing any earlier one, with its links. */
    void save(Digest key, String resultId, long size, List<CacheLink> links);

    /** Notes a reuse of the record: sets last used and increments the usage count. */
    void markUsed(Digest key, Instant when);

    /** Forgets a key (its record and the links leading to it). */
    void remove(Digest key);

    /** Forgets every record that points at the result, returning their keys. */
    List<Digest> removeResult(String resultId);

    List<CacheRecord> records();

    List<CacheRecord> recordsFor(String resultId);

    /** Links leaving {@code from}. */
    List<CacheLink> links(Digest from);

    /** Links arriving at {@code to}. */
    List<CacheLink> backlinks(Digest to);

    /** Adds or replaces a ref. */
    void putRef(RefInfo ref);

    Optional<RefInfo> ref(String id);

    List<RefInfo> refs();

    /** Refs that name {@code id} among their parents. */
    List<RefInfo> children(String id);

    void markRefUsed(String id, Instant when);

    void removeRef(String id);

    @Override
    void close();
}
