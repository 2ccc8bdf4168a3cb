package dev.kiln.frontend.dockerfile.parser;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** parser/heredoc/Dockerfile + expected.json: the heredocs attached to each instruction. */
class HeredocParseTest {
    @Test
    void heredocsMatchUpstream() {
        Node root = DockerfileParser.parse(ConformanceData.bytes("parser/heredoc/Dockerfile"), "Dockerfile").root();
        List<JsonNode> cases = ConformanceData.cases("parser/heredoc/expected.json");

        assertThat(cases).hasSize(27);
        for (JsonNode c : cases) {
            Node node = root.children().get(c.get("child_index").asInt());
            List<Heredoc> expected = c.get("heredocs").isNull() ? List.of()
                    : c.get("heredocs").values().stream().map(HeredocParseTest::heredoc).toList();
            assertThat(node.heredocs()).as("child %s: %s", c.get("child_index"), node.original()).isEqualTo(expected);
        }
    }

    static Heredoc heredoc(JsonNode h) {
        return new Heredoc(h.get("name").stringValue(), h.get("content").stringValue(), h.get("expand").asBoolean(),
                h.get("chomp").asBoolean(), h.get("file_descriptor").asInt());
    }
}
