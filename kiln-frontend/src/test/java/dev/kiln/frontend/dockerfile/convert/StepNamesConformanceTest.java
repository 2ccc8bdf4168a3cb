package dev.kiln.frontend.dockerfile.convert;

import dev.kiln.graph.Node;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** dockerfile2llb/step_names.json: progress names of the steps. */
class StepNamesConformanceTest {

    static List<JsonNode> cases() {
        return BuildkitFixtures.cases("dockerfile2llb/step_names.json");
    }

    @ParameterizedTest
    @MethodSource("cases")
    void stepsAreNamedLikeBuildkit(JsonNode c) {
        ConvertRequest req = ConvertRequest.builder(c.get("dockerfile").asString().getBytes(StandardCharsets.UTF_8))
                .resolver(new StubImages()).build();
        List<String> names = DockerfileConverter.convert(req).graph().nodes().stream()
                .map(n -> n.meta().name()).toList();
        assertThat(names).containsAll(BuildkitFixtures.strings(c.get("expected_vertex_names")));
    }
}
