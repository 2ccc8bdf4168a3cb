package dev.kiln.frontend.dockerfile.instructions;

import dev.kiln.core.KilnException;
import dev.kiln.frontend.dockerfile.parser.ConformanceData;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** instructions/misc.json: HEALTHCHECK CMD-SHELL, interval limits, RUN flags used, doc comments. */
class MiscInstructionsTest {
    @TestFactory
    Stream<DynamicTest> miscMatchesUpstream() {
        return ConformanceData.cases("instructions/misc.json").stream()
                .map(c -> DynamicTest.dynamicTest(c.get("test").stringValue(), () -> check(c)));
    }

    private static void check(JsonNode c) {
        switch (c.get("test").stringValue()) {
            case "TestHealthCheckCmd" -> {
                HealthcheckInstruction h = (HealthcheckInstruction) InstructionParser.parse(Dockerfiles.node(c));
                assertThat(h.health().test()).isEqualTo(ConformanceData.strings(c.get("expected").get("health_test")));
            }
            case "TestParseOptInterval" -> interval(c);
            case "TestRunCmdFlagsUsed" -> {
                RunInstruction run = (RunInstruction) Dockerfiles.first(c.get("dockerfile").stringValue());
                assertThat(run.flagsUsed()).isEqualTo(ConformanceData.strings(c.get("expected").get("flags_used")));
            }
            case "TestCommentsDetection" -> comments(c);
            default -> throw new AssertionError("unknown case " + c.get("test"));
        }
    }

    private static void interval(JsonNode c) {
        String dockerfile = "HEALTHCHECK " + c.get("flag").stringValue() + "=" + c.get("value").stringValue()
                + " CMD true";
        if (c.has("expected_error_contains")) {
            assertThatThrownBy(() -> Dockerfiles.first(dockerfile)).isInstanceOf(KilnException.class)
                    .hasMessageContaining(c.get("expected_error_contains").stringValue());
        } else {
            assertThat(Dockerfiles.first(dockerfile)).isInstanceOf(HealthcheckInstruction.class);
        }
    }

    private static void comments(JsonNode c) {
        DockerfileStructure structure = DockerfileStructure.of(Dockerfiles.root(c.get("dockerfile").stringValue()));
        JsonNode expected = c.get("expected");

        assertThat(structure.stages().getFirst().comment()).isEqualTo(expected.get("stage0_doc_comment").stringValue());
        assertThat(keysAndComments(structure.metaArgs())).isEqualTo(keysAndComments(expected.get("meta_args")));
        List<ArgInstruction> stageArgs = structure.stages().getFirst().commands().stream()
                .filter(ArgInstruction.class::isInstance).map(ArgInstruction.class::cast).toList();
        assertThat(keysAndComments(stageArgs)).isEqualTo(keysAndComments(expected.get("stage0_args")));
    }

    private static List<String> keysAndComments(List<ArgInstruction> args) {
        return args.stream().flatMap(a -> a.args().stream()).map(d -> d.key() + "|" + d.comment()).toList();
    }

    private static List<String> keysAndComments(JsonNode expected) {
        return expected.values().stream()
                .map(e -> e.get("key").stringValue() + "|" + e.get("doc_comment").stringValue()).toList();
    }
}
