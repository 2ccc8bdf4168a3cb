package dev.kiln.worker.snapshot;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.core.json.Json;
import dev.kiln.core.json.JsonValue;
import dev.kiln.core.sql.PreparedStatements;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sqlite.SQLiteConfig;

/**
 * Snapshot metadata in SQLite (WAL, synchronous=FULL but for scratch rows), one connection used under the
 * snapshotter's lock. Every
 * change runs in {@link #transaction}; ids come from AUTOINCREMENT so a removed snapshot's id (and directory
 * name) is never handed out again.
 */
final class MetaStore implements AutoCloseable {
    private static final String SELECT = "SELECT s.id, s.key, s.kind, s.parent_id, p.key, s.labels, s.created,"
            + " s.updated, s.size, s.inodes FROM snapshots s LEFT JOIN snapshots p ON p.id = s.parent_id";

    private final Connection db;
    private final PreparedStatements statements;
    private final Path file;

    private MetaStore(Connection db, Path file) {
        this.db = db;
        this.statements = new PreparedStatements(db);
        this.file = file;
    }

    static MetaStore open(Path file) {
        try {
            // Kiln processes sharing a state root use this file concurrently. Reads run in autocommit mode, so
            // each sees what other processes committed; a transaction takes the write lock up front (a deferred
            // one that reads, then writes fails with SQLITE_BUSY_SNAPSHOT when another process committed
            // meanwhile) and waits for it while another process holds it.
            SQLiteConfig config = new SQLiteConfig();
            config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
            config.setBusyTimeout(30_000);
            Connection db = DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
            try (Statement st = db.createStatement()) {
                st.execute("PRAGMA journal_mode=WAL");
                st.execute("PRAGMA synchronous=FULL");
                st.execute("PRAGMA foreign_keys=ON");
                st.execute("CREATE TABLE IF NOT EXISTS snapshots (id INTEGER PRIMARY KEY AUTOINCREMENT,"
                        + " key TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, parent_id INTEGER REFERENCES snapshots(id),"
                        + " labels TEXT NOT NULL, created INTEGER NOT NULL, updated INTEGER NOT NULL,"
                        + " size INTEGER NOT NULL DEFAULT 0, inodes INTEGER NOT NULL DEFAULT 0)");
                st.execute("CREATE INDEX IF NOT EXISTS snapshots_kind ON snapshots(kind)");
            }
            return new MetaStore(db, file);
        } catch (SQLException e) {
            throw new KilnException(ErrorKind.INTERNAL, "open snapshot metadata " + file + ": " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    interface Work<T> {
        T run() throws Exception;
    }

    /**
     * As {@link #transaction}, but the commit does not wait for the disk: for rows a power loss may lose or bring back
     * without harm (views and active snapshots are scratch that nothing takes for a layer). A process crash loses
     * nothing either way; the next durable transaction's sync covers these rows too.
     */
    <T> T scratchTransaction(Work<T> work) {
        synchronous("NORMAL");
        try {
            return transaction(work);
        } finally {
            synchronous("FULL");
        }
    }

    /**
     * Between transactions the connection is in autocommit mode (see {@link #endTransaction}), where the level can
     * change. Turning auto-commit off here would begin an IMMEDIATE transaction and keep the write lock from
     * other Kiln processes.
     */
    private void synchronous(String level) {
        try {
            statements.bind("PRAGMA synchronous=" + level).execute();
        } catch (SQLException e) {
            throw new KilnException(ErrorKind.INTERNAL, "snapshot metadata " + file + ": " + e.getMessage(), e);
        }
    }

    /** Runs {@code work} as one transaction: committed if it returns, rolled back if it throws. */
    <T> T transaction(Work<T> work) {
        try {
            db.setAutoCommit(false);
            T result = work.run();
            db.commit();
            return result;
        } catch (Exception e) {
            rollback();
            if (e instanceof KilnException k) {
                throw k;
            }
            throw new KilnException(ErrorKind.INTERNAL, "snapshot metadata " + file + ": " + e.getMessage(), e);
        } finally {
            endTransaction();
        }
    }

    /** Back to autocommit, which also releases the write lock the driver took again after the commit. */
    private void endTransaction() {
        try {
            db.setAutoCommit(true);
        } catch (SQLException e) {
            throw new KilnException(ErrorKind.INTERNAL, "snapshot metadata " + file + ": " + e.getMessage(), e);
        }
    }

    Optional<SnapshotRow> get(String key) throws SQLException {
        try (ResultSet rs = statements.bind(SELECT + " WHERE s.key = ?", key).executeQuery()) {
            return rs.next() ? Optional.of(row(rs)) : Optional.empty();
        }
    }

    boolean exists(String key) throws SQLException {
        try (ResultSet rs = statements.bind("SELECT 1 FROM snapshots WHERE key = ?", key).executeQuery()) {
            return rs.next();
        }
    }

    List<SnapshotRow> all() throws SQLException {
        List<SnapshotRow> rows = new ArrayList<>();
        try (ResultSet rs = statements.bind(SELECT + " ORDER BY s.id").executeQuery()) {
            while (rs.next()) {
                rows.add(row(rs));
            }
        }
        return rows;
    }

    /** The rows of the given kinds, by id. */
    List<SnapshotRow> ofKinds(Set<Kind> kinds) throws SQLException {
        List<SnapshotRow> rows = new ArrayList<>();
        for (Kind kind : kinds) {
            try (ResultSet rs = statements.bind(SELECT + " WHERE s.kind = ? ORDER BY s.id", kind.name()).executeQuery()) {
                while (rs.next()) {
                    rows.add(row(rs));
                }
            }
        }
        rows.sort(Comparator.comparingLong(SnapshotRow::id));
        return rows;
    }

    Set<Long> ids() throws SQLException {
        Set<Long> ids = new HashSet<>();
        try (ResultSet rs = statements.bind("SELECT id FROM snapshots").executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    /** The ids of {@code id}'s ancestors, nearest parent first. */
    List<Long> ancestors(long id) throws SQLException {
        List<Long> chain = new ArrayList<>();
        try (ResultSet rs = statements.bind("WITH RECURSIVE up(id, parent_id, depth) AS ("
                + " SELECT id, parent_id, 0 FROM snapshots WHERE id = ?"
                + " UNION ALL SELECT s.id, s.parent_id, up.depth + 1 FROM snapshots s JOIN up ON s.id = up.parent_id)"
                + " SELECT id FROM up WHERE depth > 0 ORDER BY depth", id).executeQuery()) {
            while (rs.next()) {
                chain.add(rs.getLong(1));
            }
        }
        return chain;
    }

    long insert(String key, Kind kind, Long parentId, Map<String, String> labels, Instant now) throws SQLException {
        try (ResultSet rs = statements.bind("INSERT INTO snapshots (key, kind, parent_id, labels, created, updated)"
                + " VALUES (?, ?, ?, ?, ?, ?) RETURNING id", key, kind.name(), parentId, Json.string(labels),
                nanos(now), nanos(now)).executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    void markCommitted(long id, String name, Map<String, String> labels, Usage usage, Instant now)
            throws SQLException {
        statements.bind("UPDATE snapshots SET key = ?, kind = ?, labels = ?, updated = ?, size = ?, inodes = ?"
                + " WHERE id = ?", name, Kind.COMMITTED.name(), Json.string(labels), nanos(now), usage.size(),
                usage.inodes(), id).executeUpdate();
    }

    void updateLabels(long id, Map<String, String> labels, Instant now) throws SQLException {
        statements.bind("UPDATE snapshots SET labels = ?, updated = ? WHERE id = ?", Json.string(labels), nanos(now),
                id).executeUpdate();
    }

    boolean hasChildren(long id) throws SQLException {
        try (ResultSet rs = statements.bind("SELECT 1 FROM snapshots WHERE parent_id = ? LIMIT 1", id).executeQuery()) {
            return rs.next();
        }
    }

    void delete(long id) throws SQLException {
        statements.bind("DELETE FROM snapshots WHERE id = ?", id).executeUpdate();
    }

    @Override
    public void close() {
        try (db) {
            statements.close();
        } catch (SQLException e) {
            throw new KilnException(ErrorKind.INTERNAL, "close snapshot metadata " + file + ": " + e.getMessage(), e);
        }
    }

    private void rollback() {
        try {
            db.rollback();
        } catch (SQLException ignored) {
            // The original failure is what the caller needs to see; a failed rollback leaves nothing committed.
        }
    }

    private static SnapshotRow row(ResultSet rs) throws SQLException {
        long parent = rs.getLong(4);
        Long parentId = rs.wasNull() ? null : parent;
        Map<String, String> labels = Json.parse(rs.getString(6).getBytes(StandardCharsets.UTF_8),
                JsonValue::asStringMap, "labels of snapshot " + rs.getString(2));
        return new SnapshotRow(rs.getLong(1), rs.getString(2), Kind.valueOf(rs.getString(3)), parentId,
                rs.getString(5), labels, instant(rs.getLong(7)), instant(rs.getLong(8)),
                new Usage(rs.getLong(9), rs.getLong(10)));
    }

    private static long nanos(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    private static Instant instant(long nanos) {
        return Instant.ofEpochSecond(0, nanos);
    }
}
