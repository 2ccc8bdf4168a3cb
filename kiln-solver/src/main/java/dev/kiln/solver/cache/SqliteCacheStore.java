package dev.kiln.solver.cache;

import dev.kiln.core.Digest;
import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.core.sql.PreparedStatements;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@link CacheStore} in one SQLite file (WAL journal, one transaction per call), shareable by several kiln
 * processes. Times are kept with millisecond precision. Commits do not wait for the disk (synchronous=NORMAL): a
 * crash of the process loses nothing, a power loss at most the newest records, never consistency; a lost record
 * only costs a rebuild, and a record never outlives its result on disk, whose snapshot is committed durably first.
 */
public final class SqliteCacheStore implements CacheStore {
    private static final int SCHEMA_VERSION = 1;
    private static final String[] SCHEMA = {
        "CREATE TABLE IF NOT EXISTS meta(k TEXT PRIMARY KEY, v TEXT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS records(key TEXT PRIMARY KEY, result_id TEXT NOT NULL, created INTEGER NOT NULL,"
                + " last_used INTEGER NOT NULL, size INTEGER NOT NULL, usage_count INTEGER NOT NULL)",
        "CREATE INDEX IF NOT EXISTS records_result ON records(result_id)",
        "CREATE TABLE IF NOT EXISTS links(from_key TEXT NOT NULL, input INTEGER NOT NULL, selector TEXT NOT NULL,"
                + " op TEXT NOT NULL, to_key TEXT NOT NULL, PRIMARY KEY(from_key, input, selector, op, to_key))",
        "CREATE INDEX IF NOT EXISTS links_to ON links(to_key)",
        "CREATE TABLE IF NOT EXISTS refs(id TEXT PRIMARY KEY, size INTEGER NOT NULL, created INTEGER NOT NULL,"
                + " last_used INTEGER NOT NULL, kind TEXT)",
        "CREATE TABLE IF NOT EXISTS ref_parents(id TEXT NOT NULL REFERENCES refs(id) ON DELETE CASCADE,"
                + " position INTEGER NOT NULL, parent TEXT NOT NULL, PRIMARY KEY(id, position))",
        "CREATE INDEX IF NOT EXISTS ref_parents_parent ON ref_parents(parent)",
    };
    private static final String RECORD_COLUMNS = "key, result_id, created, last_used, size, usage_count";
    private static final String LINK_COLUMNS = "from_key, input, selector, op, to_key";

    private final Path file;
    private final Clock clock;
    private final Connection db;
    private final PreparedStatements statements;
    private final ReentrantLock lock = new ReentrantLock();

    private SqliteCacheStore(Path file, Clock clock, Connection db) {
        this.file = file;
        this.clock = clock;
        this.db = db;
        this.statements = new PreparedStatements(db);
    }

    public static SqliteCacheStore open(Path file) {
        return open(file, Clock.systemUTC());
    }

    public static SqliteCacheStore open(Path file, Clock clock) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Connection db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            SqliteCacheStore store = new SqliteCacheStore(file, clock, db);
            store.initialize();
            return store;
        } catch (IOException | SQLException e) {
            throw new KilnException(ErrorKind.UNAVAILABLE, "cannot open cache database " + file + ": " + e.getMessage(), e);
        }
    }

    private void initialize() throws SQLException {
        try (Statement st = db.createStatement()) {
            st.execute("PRAGMA busy_timeout=10000");
            st.execute("PRAGMA journal_mode=WAL");
            st.execute("PRAGMA synchronous=NORMAL");
            st.execute("PRAGMA foreign_keys=ON");
        }
        inTransaction(() -> {
            try (Statement st = db.createStatement()) {
                for (String ddl : SCHEMA) {
                    st.execute(ddl);
                }
            }
            checkVersion();
            return null;
        });
    }

    private void checkVersion() throws SQLException {
        try (ResultSet rs = statements.bind("SELECT v FROM meta WHERE k = 'schema'").executeQuery()) {
            if (!rs.next()) {
                update("INSERT INTO meta(k, v) VALUES('schema', ?)", String.valueOf(SCHEMA_VERSION));
            } else if (!rs.getString(1).equals(String.valueOf(SCHEMA_VERSION))) {
                throw new SQLException("unsupported schema version " + rs.getString(1));
            }
        }
    }

    @Override
    public Optional<CacheRecord> find(Digest key) {
        return read(() -> first(query("SELECT " + RECORD_COLUMNS + " FROM records WHERE key = ?",
                SqliteCacheStore::record, key.toString())));
    }

    @Override
    public void save(Digest key, String resultId, long size, List<CacheLink> links) {
        for (CacheLink l : links) {
            if (!l.to().equals(key)) {
                throw new IllegalArgumentException("link " + l + " does not lead to " + key);
            }
        }
        long now = millis(clock.instant());
        write(() -> {
            update("INSERT OR REPLACE INTO records(" + RECORD_COLUMNS + ") VALUES(?, ?, ?, ?, ?, 0)",
                    key.toString(), resultId, now, now, size);
            for (CacheLink l : links) {
                update("INSERT OR IGNORE INTO links(" + LINK_COLUMNS + ") VALUES(?, ?, ?, ?, ?)",
                        l.from().toString(), l.input(), l.selector() == null ? "" : l.selector().toString(),
                        l.op().toString(), l.to().toString());
            }
        });
    }

    @Override
    public void markUsed(Digest key, Instant when) {
        write(() -> update("UPDATE records SET last_used = ?, usage_count = usage_count + 1 WHERE key = ?",
                millis(when), key.toString()));
    }

    @Override
    public void remove(Digest key) {
        write(() -> removeKey(key.toString()));
    }

    private void removeKey(String key) throws SQLException {
        update("DELETE FROM records WHERE key = ?", key);
        update("DELETE FROM links WHERE to_key = ?", key);
    }

    @Override
    public List<Digest> removeResult(String resultId) {
        return transaction(() -> {
            List<Digest> keys = query("SELECT key FROM records WHERE result_id = ?",
                    rs -> Digest.parse(rs.getString(1)), resultId);
            for (Digest k : keys) {
                removeKey(k.toString());
            }
            return keys;
        });
    }

    @Override
    public List<CacheRecord> records() {
        return read(() -> query("SELECT " + RECORD_COLUMNS + " FROM records ORDER BY key", SqliteCacheStore::record));
    }

    @Override
    public List<CacheRecord> recordsFor(String resultId) {
        return read(() -> query("SELECT " + RECORD_COLUMNS + " FROM records WHERE result_id = ? ORDER BY key",
                SqliteCacheStore::record, resultId));
    }

    @Override
    public List<CacheLink> links(Digest from) {
        return read(() -> query("SELECT " + LINK_COLUMNS + " FROM links WHERE from_key = ?",
                SqliteCacheStore::link, from.toString()));
    }

    @Override
    public List<CacheLink> backlinks(Digest to) {
        return read(() -> query("SELECT " + LINK_COLUMNS + " FROM links WHERE to_key = ?",
                SqliteCacheStore::link, to.toString()));
    }

    @Override
    public void putRef(RefInfo ref) {
        write(() -> {
            update("DELETE FROM refs WHERE id = ?", ref.id());
            update("INSERT INTO refs(id, size, created, last_used, kind) VALUES(?, ?, ?, ?, ?)",
                    ref.id(), ref.size(), millis(ref.created()), millis(ref.lastUsed()), ref.kind());
            for (int i = 0; i < ref.parents().size(); i++) {
                update("INSERT INTO ref_parents(id, position, parent) VALUES(?, ?, ?)", ref.id(), i, ref.parents().get(i));
            }
        });
    }

    @Override
    public Optional<RefInfo> ref(String id) {
        return read(() -> first(refsWhere("id = ?", id)));
    }

    @Override
    public List<RefInfo> refs() {
        return read(() -> refsWhere("1 = 1"));
    }

    @Override
    public List<RefInfo> children(String id) {
        return read(() -> refsWhere("id IN (SELECT id FROM ref_parents WHERE parent = ?)", id));
    }

    private List<RefInfo> refsWhere(String condition, Object... args) throws SQLException {
        List<RefInfo> out = new ArrayList<>();
        for (RefRow row : query("SELECT id, size, created, last_used, kind FROM refs WHERE " + condition + " ORDER BY id",
                rs -> new RefRow(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getString(5)), args)) {
            List<String> parents = query("SELECT parent FROM ref_parents WHERE id = ? ORDER BY position",
                    rs -> rs.getString(1), row.id());
            out.add(new RefInfo(row.id(), parents, row.size(), Instant.ofEpochMilli(row.created()),
                    Instant.ofEpochMilli(row.lastUsed()), row.kind()));
        }
        return out;
    }

    private record RefRow(String id, long size, long created, long lastUsed, String kind) {
    }

    @Override
    public void markRefUsed(String id, Instant when) {
        write(() -> update("UPDATE refs SET last_used = ? WHERE id = ?", millis(when), id));
    }

    @Override
    public void removeRef(String id) {
        write(() -> {
            if (!query("SELECT id FROM ref_parents WHERE parent = ? LIMIT 1", rs -> rs.getString(1), id).isEmpty()) {
                throw new KilnException(ErrorKind.FAILED_PRECONDITION, "ref " + id + " is still the parent of other refs");
            }
            update("DELETE FROM refs WHERE id = ?", id);
        });
    }

    @Override
    public void close() {
        lock.lock();
        try (db) {
            statements.close();
        } catch (SQLException e) {
            throw failure(e);
        } finally {
            lock.unlock();
        }
    }

    // --- plumbing -------------------------------------------------------------------------

    private interface Work<T> {
        T run() throws SQLException;
    }

    private interface VoidWork {
        void run() throws SQLException;
    }

    private interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private <T> T read(Work<T> work) {
        return transaction(work);
    }

    private void write(VoidWork work) {
        transaction(() -> {
            work.run();
            return null;
        });
    }

    private <T> T transaction(Work<T> work) {
        lock.lock();
        try {
            return inTransaction(work);
        } catch (SQLException e) {
            throw failure(e);
        } finally {
            lock.unlock();
        }
    }

    private <T> T inTransaction(Work<T> work) throws SQLException {
        db.setAutoCommit(false);
        try {
            T result = work.run();
            db.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(true);
        }
    }

    private void update(String sql, Object... args) throws SQLException {
        statements.bind(sql, args).executeUpdate();
    }

    private <T> List<T> query(String sql, Row<T> row, Object... args) throws SQLException {
        try (ResultSet rs = statements.bind(sql, args).executeQuery()) {
            List<T> out = new ArrayList<>();
            while (rs.next()) {
                out.add(row.map(rs));
            }
            return out;
        }
    }

    private static <T> Optional<T> first(List<T> list) {
        return list.isEmpty() ? Optional.empty() : Optional.of(list.getFirst());
    }

    private static CacheRecord record(ResultSet rs) throws SQLException {
        return new CacheRecord(Digest.parse(rs.getString(1)), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)),
                Instant.ofEpochMilli(rs.getLong(4)), rs.getLong(5), rs.getLong(6));
    }

    private static CacheLink link(ResultSet rs) throws SQLException {
        String selector = rs.getString(3);
        return new CacheLink(Digest.parse(rs.getString(1)), rs.getInt(2), selector.isEmpty() ? null : Digest.parse(selector),
                Digest.parse(rs.getString(4)), Digest.parse(rs.getString(5)));
    }

    private static long millis(Instant t) {
        return t.toEpochMilli();
    }

    private KilnException failure(SQLException e) {
        return new KilnException(ErrorKind.UNAVAILABLE, "cache database " + file + ": " + e.getMessage(), e);
    }
}
