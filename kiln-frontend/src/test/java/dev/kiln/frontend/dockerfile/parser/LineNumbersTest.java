package dev.kiln.frontend.dockerfile.parser;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** parser/line_numbers.json: 1-based inclusive line ranges of the root and of each instruction. */
class LineNumbersTest {
    @Test
    void rangesMatchUpstream() {
        for (JsonNode c : ConformanceData.cases("parser/line_numbers.json")) {
            Node root = DockerfileParser.parse(ConformanceData.bytes(c.get("dockerfile").stringValue()), "Dockerfile")
                    .root();

            assertThat(List.of(root.startLine(), root.endLine())).isEqualTo(pair(c.get("root")));
            List<List<Integer>> expected = c.get("children").values().stream().map(LineNumbersTest::pair).toList();
            assertThat(root.children().stream().map(n -> List.of(n.startLine(), n.endLine())).toList())
                    .isEqualTo(expected);
        }
    }

    private static List<Integer> pair(JsonNode range) {
        return List.of(range.get(0).asInt(), range.get(1).asInt());
    }
}
