package dev.kiln.frontend.dockerfile.parser;

import dev.kiln.core.KilnException;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** parser/heredoc_helpers.json: marker parsing, markers of a line, tab chomping, JSON form without heredocs. */
class HeredocHelpersTest {
    @TestFactory
    Stream<DynamicTest> helpers() {
        List<JsonNode> cases = ConformanceData.cases("parser/heredoc_helpers.json");
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.get("kind").stringValue() + " "
                + c.path("input").asString(""), () -> check(c)));
    }

    private static void check(JsonNode c) {
        switch (c.get("kind").stringValue()) {
            case "parse_heredoc_word" -> parseWord(c);
            case "heredocs_from_line" -> {
                List<String> names = Heredocs.fromLine(c.get("input").stringValue()).stream().map(Heredoc::name).toList();
                List<String> expected = c.get("expected_names").isNull() ? List.of()
                        : ConformanceData.strings(c.get("expected_names"));
                assertThat(names).isEqualTo(expected);
            }
            case "chomp" -> assertThat(Heredocs.chomp(c.get("input").stringValue()))
                    .isEqualTo(c.get("expected").stringValue());
            case "json_form_has_no_heredocs" -> {
                byte[] dockerfile = c.get("dockerfile").stringValue().getBytes(StandardCharsets.UTF_8);
                List<Node> children = DockerfileParser.parse(dockerfile, "Dockerfile").root().children();
                assertThat(children).hasSize(4);
                assertThat(children.subList(1, 4)).allSatisfy(n -> {
                    assertThat(n.jsonForm()).isTrue();
                    assertThat(n.heredocs()).isEmpty();
                });
            }
            default -> throw new AssertionError("unknown kind " + c.get("kind"));
        }
    }

    private static void parseWord(JsonNode c) {
        String input = c.get("input").stringValue();
        if (c.path("expected_error").asBoolean(false)) {
            assertThatThrownBy(() -> Heredocs.parseWord(input)).isInstanceOf(KilnException.class);
            return;
        }
        Optional<String> expected = c.get("expected_name").isNull() ? Optional.empty()
                : Optional.of(c.get("expected_name").stringValue());
        assertThat(Heredocs.parseWord(input).map(Heredoc::name)).isEqualTo(expected);
    }
}
