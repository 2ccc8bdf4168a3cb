package dev.kiln.core.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The prepared statements of one connection, each SQL text prepared once and reused: preparing costs SQLite a
 * parse and the driver a round of allocations, on every step of every build otherwise. Callers close the result
 * sets they open, never the statements. Not thread-safe: its owner uses it under the same lock as the connection.
 */
public final class PreparedStatements implements AutoCloseable {
    private final Connection db;
    private final Map<String, PreparedStatement> prepared = new HashMap<>();

    public PreparedStatements(Connection db) {
        this.db = db;
    }

    /** The statement for {@code sql} with {@code args} bound to its parameters in order. */
    public PreparedStatement bind(String sql, Object... args) throws SQLException {
        PreparedStatement ps = prepared.get(sql);
        if (ps == null) {
            ps = db.prepareStatement(sql);
            prepared.put(sql, ps);
        }
        ps.clearParameters();
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
        return ps;
    }

    /** Closes every statement; the first failure is thrown after the rest are closed. */
    @Override
    public void close() throws SQLException {
        SQLException failure = null;
        for (PreparedStatement ps : prepared.values()) {
            try {
                ps.close();
            } catch (SQLException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        prepared.clear();
        if (failure != null) {
            throw failure;
        }
    }
}
