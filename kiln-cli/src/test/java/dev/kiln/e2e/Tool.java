package dev.kiln.e2e;

import dev.kiln.core.json.JacksonOracle;
import tools.jackson.databind.JsonNode;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A real program used as a test oracle (skopeo, umoci, tar): run to completion, output captured. */
record Tool(int exitCode, String out, String err) {
    private static final long TIMEOUT_SECONDS = 120;

    /** Runs {@code command} and fails the test unless it exits 0; returns its stdout. */
    static String ok(String... command) {
        Tool r = run(command);
        assertThat(r.exitCode()).as("%s failed: %s", String.join(" ", command), r.err()).isZero();
        return r.out();
    }

    /** {@link #ok} for a command that prints JSON (skopeo inspect). */
    static JsonNode okJson(String... command) {
        return JacksonOracle.mapper().readTree(ok(command));
    }

    static Tool run(String... command) {
        try {
            Path out = Files.createTempFile("kiln-e2e-tool", ".out");
            Path err = Files.createTempFile("kiln-e2e-tool", ".err");
            try {
                Process p = new ProcessBuilder(List.of(command)).redirectOutput(out.toFile())
                        .redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                        .start();
                if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor();
                    throw new AssertionError(String.join(" ", command) + " did not finish in " + TIMEOUT_SECONDS + " s");
                }
                return new Tool(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command[0] + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted running " + command[0], e);
        }
    }
}
