package dev.kiln.frontend.dockerfile.parser;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** parser/empty_continuation_warnings.json: one warning per instruction with an empty continuation line. */
class EmptyContinuationWarningsTest {
    @Test
    void warningsMatchUpstream() {
        for (JsonNode c : ConformanceData.cases("parser/empty_continuation_warnings.json")) {
            byte[] dockerfile = c.get("dockerfile").stringValue().getBytes(StandardCharsets.UTF_8);

            List<ParseWarning> warnings = DockerfileParser.parse(dockerfile, "Dockerfile").warnings();

            assertThat(warnings).hasSize(c.get("expected_warning_count").asInt());
            for (int i = 0; i < warnings.size(); i++) {
                JsonNode expected = c.get("warnings").get(i);
                for (String part : ConformanceData.strings(expected.get("short_contains"))) {
                    assertThat(warnings.get(i).shortMessage()).contains(part);
                }
                if (expected.has("detail0_contains")) {
                    assertThat(warnings.get(i).detail().getFirst()).contains(expected.get("detail0_contains").stringValue());
                }
            }
        }
    }

    @Test
    void warningPointsAtTheLastLineOfTheInstruction() {
        byte[] dockerfile = "FROM a\nRUN x \\\n\n  y\n".getBytes(StandardCharsets.UTF_8);

        ParseWarning warning = DockerfileParser.parse(dockerfile, "Dockerfile").warnings().getFirst();

        assertThat(warning.location().startLine()).isEqualTo(4);
        assertThat(warning.url()).isEqualTo("https://docs.docker.com/go/dockerfile/rule/no-empty-continuation/");
    }
}
