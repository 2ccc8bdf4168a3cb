package dev.kiln.frontend.dockerfile.convert;

import dev.kiln.core.KilnException;
import dev.kiln.core.SourceLocation;
import dev.kiln.frontend.dockerfile.lint.LintConfig;
import dev.kiln.frontend.dockerfile.lint.Linter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** dockerfile2llb/expose_ports.json: EXPOSE words to exposed-port keys. */
class ExposePortsConformanceTest {

    static List<JsonNode> cases() {
        return BuildkitFixtures.cases("dockerfile2llb/expose_ports.json");
    }

    @ParameterizedTest
    @MethodSource("cases")
    void portsAreNormalised(JsonNode c) {
        PortSpecs specs = new PortSpecs(new Linter(LintConfig.DEFAULT), SourceLocation.line("Dockerfile", 1));
        List<String> input = BuildkitFixtures.strings(c.get("specs"));
        JsonNode error = c.get("expected_error");
        if (error == null) {
            assertThat(specs.parse(input)).containsExactlyElementsOf(BuildkitFixtures.strings(c.get("expected")));
        } else if (error.isString()) {
            assertThatThrownBy(() -> specs.parse(input)).isInstanceOf(KilnException.class)
                    .hasMessage(error.asString());
        } else {
            assertThatThrownBy(() -> specs.parse(input)).isInstanceOf(KilnException.class);
        }
    }
}
