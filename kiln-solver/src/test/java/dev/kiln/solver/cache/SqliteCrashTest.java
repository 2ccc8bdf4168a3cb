package dev.kiln.solver.cache;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A writer killed with SIGKILL mid-stream leaves only complete, acknowledged-or-later records. */
class SqliteCrashTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(60)
    void killDashNine_leavesEveryAcknowledgedRecordWithAllItsLinks() throws Exception {
        Path db = dir.resolve("cache.db");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "--enable-native-access=ALL-UNNAMED", CrashWriter.class.getName(), db.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        int acknowledged = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
            for (String line; acknowledged < 200 && (line = out.readLine()) != null; ) {
                acknowledged = Integer.parseInt(line.trim());
            }
            child.destroyForcibly();
            child.waitFor();
        }
        assertThat(acknowledged).as("child made progress").isGreaterThanOrEqualTo(200);

        try (CacheStore store = SqliteCacheStore.open(db)) {
            List<CacheRecord> records = store.records();
            assertThat(records.size()).isGreaterThan(acknowledged);
            assertThat(records).allSatisfy(r -> assertThat(store.backlinks(r.key())).hasSize(3));
        }
    }
}
