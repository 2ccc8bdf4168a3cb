package dev.kiln.e2e;

import dev.kiln.core.json.JacksonOracle;
import dev.kiln.core.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checksum a {@code COPY --from} takes of a stage's files is its cache key; it is kept as a label of the
 * stage's snapshot, so a later build neither mounts nor re-reads the stage. These tests read and tamper with
 * that label in the snapshot database to prove the next build really uses it, and that a changed stage does not.
 */
class CopyChecksumE2eTest {
    private static final String LABEL = "kiln.dev/checksum.v1/";

    @RegisterExtension
    static final KilnEnv kiln = new KilnEnv();

    @Test
    void cachedCopyFrom_usesTheChecksumKeptOnTheStageSnapshot() throws SQLException {
        Path ctx = context("one");
        assertThat(kiln.build(ctx.toString()).step("COPY --from=src").state()).isEqualTo("DONE");
        assertThat(checksumLabels()).hasSize(1);
        assertThat(kiln.build(ctx.toString()).step("COPY --from=src").state()).isEqualTo("CACHED");

        // A wrong remembered checksum must change the copy's cache key: the label is what the key is made of.
        tamperWithChecksumLabels();
        assertThat(kiln.build(ctx.toString()).step("COPY --from=src").state()).isEqualTo("DONE");
    }

    @Test
    void changedStage_getsItsOwnChecksum() throws SQLException {
        kiln.build(context("first").toString());
        int before = checksumLabels().size();
        assertThat(kiln.build(context("second").toString()).step("COPY --from=src").state()).isEqualTo("DONE");
        assertThat(checksumLabels()).hasSize(before + 1);
    }

    private static Path context(String content) {
        Path ctx = kiln.scratch("ctx");
        KilnEnv.write(ctx.resolve("Dockerfile"), """
                FROM %1$s AS src
                RUN echo %2$s > /f
                FROM %1$s
                COPY --from=src /f /f
                """.formatted(Registry.busybox(), content));
        return ctx;
    }

    /** The remembered checksums, by snapshot id and label. */
    private static Map<String, String> checksumLabels() throws SQLException {
        Map<String, String> found = new TreeMap<>();
        try (Connection db = snapshotDb(); Statement st = db.createStatement();
             ResultSet rows = st.executeQuery("SELECT id, labels FROM snapshots")) {
            while (rows.next()) {
                long id = rows.getLong(1);
                labelsOf(rows.getString(2)).forEach((k, v) -> {
                    if (k.startsWith(LABEL)) {
                        found.put(id + " " + k, v);
                    }
                });
            }
        }
        return found;
    }

    private static void tamperWithChecksumLabels() throws SQLException {
        try (Connection db = snapshotDb(); Statement st = db.createStatement();
             ResultSet rows = st.executeQuery("SELECT id, labels FROM snapshots WHERE labels LIKE '%" + LABEL + "%'");
             PreparedStatement update = db.prepareStatement("UPDATE snapshots SET labels = ? WHERE id = ?")) {
            int changed = 0;
            while (rows.next()) {
                Map<String, String> labels = new TreeMap<>(labelsOf(rows.getString(2)));
                labels.replaceAll((k, v) -> k.startsWith(LABEL) ? "sha256:" + "0".repeat(64) : v);
                update.setString(1, Json.string(labels));
                update.setLong(2, rows.getLong(1));
                changed += update.executeUpdate();
            }
            assertThat(changed).isPositive();
        }
    }

    private static Map<String, String> labelsOf(String json) {
        Map<String, String> labels = new TreeMap<>();
        JacksonOracle.mapper().readTree(json).properties().forEach(e -> labels.put(e.getKey(), e.getValue().asString()));
        return labels;
    }

    private static Connection snapshotDb() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + kiln.root().resolve("snapshots/metadata.db"));
    }
}
