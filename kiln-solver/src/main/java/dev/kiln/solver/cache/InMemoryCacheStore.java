package dev.kiln.solver.cache;

import dev.kiln.core.Digest;
import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link CacheStore} that lives as long as the process (tests, throwaway builds). Like the SQLite
 * store it keeps times with millisecond precision.
 */
public final class InMemoryCacheStore implements CacheStore {
    private final Clock clock;
    private final Map<Digest, CacheRecord> records = new HashMap<>();
    private final Set<CacheLink> links = new LinkedHashSet<>();
    private final Map<String, RefInfo> refs = new HashMap<>();

    public InMemoryCacheStore() {
        this(Clock.systemUTC());
    }

    public InMemoryCacheStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized Optional<CacheRecord> find(Digest key) {
        return Optional.ofNullable(records.get(key));
    }

    @Override
    public synchronized void save(Digest key, String resultId, long size, List<CacheLink> newLinks) {
        for (CacheLink l : newLinks) {
            if (!l.to().equals(key)) {
                throw new IllegalArgumentException("link " + l + " does not lead to " + key);
            }
        }
        Instant now = ms(clock.instant());
        records.put(key, new CacheRecord(key, resultId, now, now, size, 0));
        links.addAll(newLinks);
    }

    @Override
    public synchronized void markUsed(Digest key, Instant when) {
        records.computeIfPresent(key, (k, r) ->
                new CacheRecord(k, r.resultId(), r.created(), ms(when), r.size(), r.usageCount() + 1));
    }

    @Override
    public synchronized void remove(Digest key) {
        records.remove(key);
        links.removeIf(l -> l.to().equals(key));
    }

    @Override
    public synchronized List<Digest> removeResult(String resultId) {
        List<Digest> keys = recordsFor(resultId).stream().map(CacheRecord::key).toList();
        keys.forEach(this::remove);
        return keys;
    }

    @Override
    public synchronized List<CacheRecord> records() {
        return sorted(new ArrayList<>(records.values()));
    }

    @Override
    public synchronized List<CacheRecord> recordsFor(String resultId) {
        return sorted(records.values().stream().filter(r -> r.resultId().equals(resultId)).toList());
    }

    @Override
    public synchronized List<CacheLink> links(Digest from) {
        return links.stream().filter(l -> l.from().equals(from)).toList();
    }

    @Override
    public synchronized List<CacheLink> backlinks(Digest to) {
        return links.stream().filter(l -> l.to().equals(to)).toList();
    }

    @Override
    public synchronized void putRef(RefInfo ref) {
        refs.put(ref.id(), new RefInfo(ref.id(), ref.parents(), ref.size(), ms(ref.created()), ms(ref.lastUsed()), ref.kind()));
    }

    @Override
    public synchronized Optional<RefInfo> ref(String id) {
        return Optional.ofNullable(refs.get(id));
    }

    @Override
    public synchronized List<RefInfo> refs() {
        return refs.values().stream().sorted(Comparator.comparing(RefInfo::id)).toList();
    }

    @Override
    public synchronized List<RefInfo> children(String id) {
        return refs().stream().filter(r -> r.parents().contains(id)).toList();
    }

    @Override
    public synchronized void markRefUsed(String id, Instant when) {
        refs.computeIfPresent(id, (k, r) -> new RefInfo(k, r.parents(), r.size(), r.created(), ms(when), r.kind()));
    }

    @Override
    public synchronized void removeRef(String id) {
        if (!children(id).isEmpty()) {
            throw new KilnException(ErrorKind.FAILED_PRECONDITION, "ref " + id + " is still the parent of other refs");
        }
        refs.remove(id);
    }

    @Override
    public void close() {
    }

    private static Instant ms(Instant t) {
        return t.truncatedTo(ChronoUnit.MILLIS);
    }

    private static List<CacheRecord> sorted(List<CacheRecord> list) {
        return list.stream().sorted(Comparator.comparing(CacheRecord::key)).toList();
    }
}
