package dev.kiln.cli.debug;

import dev.kiln.cli.CliRun;
import dev.kiln.core.json.JacksonOracle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class DebugParseAndLlbTest {
    @TempDir
    Path dir;

    @Test
    void parsePrintsTheAstDumpOfAConformanceCase() throws IOException {
        Path cases = Path.of(System.getProperty("kiln.shared.dir"), "conformance", "buildkit", "parser", "testfiles");
        Path flags = cases.resolve("flags");
        CliRun r = CliRun.of("", "debug", "parse", "--ast", flags.resolve("Dockerfile").toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo(Files.readString(flags.resolve("result")));
    }

    @Test
    void parseErrorsExitNonZeroWithTheLine() throws IOException {
        Path df = Files.writeString(dir.resolve("Dockerfile"), "FROM scratch\nCMD [\"a\", [\"b\"]]\n");
        CliRun r = CliRun.of("", "debug", "parse", "--ast", df.toString());
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.err()).startsWith("ERROR: ").contains(":2: ");
    }

    @Test
    void llbPrintsTheSameGraphEveryTime() throws IOException {
        Files.writeString(dir.resolve("Dockerfile"), """
                FROM busybox AS base
                RUN echo hi > /out
                FROM scratch
                COPY --from=base /out /out
                """);
        CliRun first = CliRun.of("", "debug", "llb", dir.toString());
        CliRun second = CliRun.of("", "debug", "llb", dir.toString());
        assertThat(first.exitCode()).isZero();
        assertThat(first.out()).isEqualTo(second.out());
        JsonNode graph = JacksonOracle.mapper().readTree(first.out());
        assertThat(graph.get("nodes").values()).hasSize(3);
        JsonNode run = graph.get("nodes").get(1);
        assertThat(run.get("op").get("type").asString()).isEqualTo("exec");
        assertThat(run.get("name").asString()).isEqualTo("[base 2/2] RUN echo hi > /out");
        assertThat(run.get("location").get("startLine").asInt()).isEqualTo(2);
        assertThat(graph.get("result").get("node").asString())
                .isEqualTo(graph.get("nodes").get(2).get("digest").asString());
    }

    @Test
    void llbRejectsAStdinContext() {
        CliRun r = CliRun.of("", "debug", "llb", "-");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("context tar on stdin");
    }
}
