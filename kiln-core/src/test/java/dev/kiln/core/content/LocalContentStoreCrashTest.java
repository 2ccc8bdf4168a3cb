package dev.kiln.core.content;

import dev.kiln.core.Digest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Kills a JVM in the middle of a write and checks what survives. */
class LocalContentStoreCrashTest {
    @TempDir
    Path root;

    @Test
    void killedWriter_leavesNoVisibleBlobAndItsIngestFileIsCleanedOnReopen() throws Exception {
        Process child = new ProcessBuilder(javaBinary(), "-cp", System.getProperty("java.class.path"),
                CrashingWriterProcess.class.getName(), root.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            Digest committed = Digest.parse(out.readLine().substring("committed ".length()));
            assertThat(out.readLine()).isEqualTo("writing");

            // Opening a store while the child writes must not steal its locked ingest file.
            LocalContentStore observer = new LocalContentStore(root);
            assertThat(ingestFiles()).hasSize(1);
            assertThat(observer.list()).extracting(ContentInfo::digest).containsExactly(committed);

            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(ingestFiles()).as("the half-written file is still there after SIGKILL").hasSize(1);

            LocalContentStore reopened = new LocalContentStore(root);
            assertThat(ingestFiles()).isEmpty();
            assertThat(reopened.list()).extracting(ContentInfo::digest).containsExactly(committed);
            assertThat(reopened.verify(committed)).isTrue();
        } finally {
            child.destroyForcibly();
        }
    }

    private List<Path> ingestFiles() throws IOException {
        try (var files = Files.list(root.resolve("ingest"))) {
            return files.toList();
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
