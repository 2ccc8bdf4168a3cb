package dev.kiln.cli.check;

import dev.kiln.cli.BuildOptions;
import dev.kiln.cli.ParsedBuildOptions;
import dev.kiln.core.json.JacksonOracle;
import dev.kiln.frontend.dockerfile.convert.OfflineImageResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class BuildChecksTest {
    @TempDir
    Path dir;

    private record Run(int code, String out) {
    }

    private Run check(String dockerfile, String format) throws IOException {
        Files.writeString(dir.resolve("Dockerfile"), dockerfile);
        BuildOptions opts = ParsedBuildOptions.of(dir.toString());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = BuildChecks.runChecks(opts, format, new PrintStream(bytes, true, StandardCharsets.UTF_8),
                new OfflineImageResolver());
        return new Run(code, bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void warningsArePrintedLikeBuildx() throws IOException {
        Run r = check("FROM scratch as base\nCOPY a /\n", null);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).isEqualTo("""
                Check complete, 1 warning has been found!

                WARNING: FromAsCasing - https://docs.docker.com/go/dockerfile/rule/from-as-casing/
                'as' and 'FROM' keywords' casing do not match
                Dockerfile:1
                --------------------
                   1 | >>> FROM scratch as base
                   2 |     COPY a /
                   3 |    \s
                --------------------
                """);
    }

    @Test
    void cleanDockerfileReportsNothingAndExitsZero() throws IOException {
        Run r = check("FROM scratch\nCOPY a /\n", "text");
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo("Check complete, no warnings found.\n");
    }

    @Test
    void errorConfiguredChecksAndConversionErrorsAreReported() throws IOException {
        Run r = check("# check=error=true\nFROM scratch as base\n", null);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("WARNING: FromAsCasing").contains("ERROR: lint violation found for rules: FromAsCasing");
        Run bad = check("FROM scratch\nBADCMD\n", null);
        assertThat(bad.out()).contains("ERROR: dockerfile parse error on line 2: unknown instruction: BADCMD")
                .contains("   2 | >>> BADCMD");
    }

    @Test
    void jsonFormatIsMachineReadable() throws IOException {
        Run r = check("FROM scratch\nMAINTAINER me\n", "json");
        JsonNode json = JacksonOracle.mapper().readTree(r.out());
        JsonNode w = json.get("warnings").get(0);
        assertThat(w.get("ruleName").asString()).isEqualTo("MaintainerDeprecated");
        assertThat(w.get("location").get("ranges").get(0).get("start").get("line").asInt()).isEqualTo(2);
        assertThat(json.get("sources").get(0).get("filename").asString()).isEqualTo("Dockerfile");
        assertThat(r.code()).isEqualTo(1);
    }
}
