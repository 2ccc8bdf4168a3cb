package dev.kiln.frontend.dockerfile.parser;

import dev.kiln.core.KilnException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** parser/scanner_limits.json: a physical line over 64 KiB fails like Go's bufio.Scanner. */
class ScannerLimitsTest {
    @Test
    void overlongLineFails() {
        for (JsonNode c : ConformanceData.cases("parser/scanner_limits.json")) {
            JsonNode repeat = c.get("label_value_repeat");
            String value = repeat.get("char").stringValue().repeat(repeat.get("count").asInt());
            byte[] dockerfile = c.get("dockerfile_template").stringValue().replace("{LABEL_VALUE}", value)
                    .getBytes(StandardCharsets.UTF_8);

            KilnException e = catchThrowableOfType(KilnException.class, () -> DockerfileParser.parse(dockerfile, "Dockerfile"));

            assertThat(e.getMessage()).isEqualTo(c.get("expected_error").stringValue());
            assertThat(e.location()).hasValueSatisfying(l -> assertThat(l.startLine()).isEqualTo(3));
        }
    }

    @Test
    void linesUpToTheLimitParse() {
        String longest = "LABEL a=" + "b".repeat(LineScanner.MAX_TOKEN - "LABEL a=".length() - 1);
        byte[] withNewline = ("FROM x\n" + longest + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] unterminated = ("FROM x\n" + longest).getBytes(StandardCharsets.UTF_8);
        byte[] oneTooMany = ("FROM x\n" + longest + "b").getBytes(StandardCharsets.UTF_8);

        assertThat(DockerfileParser.parse(withNewline, "Dockerfile").root().children()).hasSize(2);
        assertThat(DockerfileParser.parse(unterminated, "Dockerfile").root().children()).hasSize(2);
        assertThat(catchThrowableOfType(KilnException.class, () -> DockerfileParser.parse(oneTooMany, "Dockerfile")))
                .isNotNull();
    }
}
