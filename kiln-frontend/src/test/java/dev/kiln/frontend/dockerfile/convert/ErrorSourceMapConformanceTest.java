package dev.kiln.frontend.dockerfile.convert;

import dev.kiln.core.KilnException;
import dev.kiln.core.SourceLocation;
import dev.kiln.graph.Node;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * dockerfile2llb/error_source_map.json. Cases that fail while converting (parsing, the syntax directive, an
 * unknown {@code --from} image) must fail with exactly the listed lines; cases that fail only when the step
 * runs must produce a step that carries those lines, for the executor to report.
 */
class ErrorSourceMapConformanceTest {

    static List<JsonNode> cases() {
        return BuildkitFixtures.cases("dockerfile2llb/error_source_map.json");
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("cases")
    void errorsPointAtTheirDockerfileLines(JsonNode c) {
        List<Integer> lines = c.get("error_lines").values().stream().map(JsonNode::asInt).toList();
        ConvertRequest req = ConvertRequest.builder(c.get("dockerfile").asString().getBytes(StandardCharsets.UTF_8))
                .resolver(new StubImages()).build();
        SourceLocation where;
        if (c.get("fails_at").asString().startsWith("execution")) {
            ConvertResult result = DockerfileConverter.convert(req);
            where = result.graph().reachable().stream().map(Node::meta).map(m -> m.location())
                    .filter(l -> l != null && l.startLine() == lines.getFirst()).findFirst().orElseThrow();
        } else {
            KilnException e = catchThrowableOfType(KilnException.class, () -> DockerfileConverter.convert(req));
            assertThat(e).as("conversion error").isNotNull();
            where = e.location().orElseThrow();
        }
        assertThat(where.file()).isEqualTo("Dockerfile");
        assertThat(List.of(where.startLine(), where.endLine())).isEqualTo(List.of(lines.getFirst(), lines.getLast()));
    }
}
