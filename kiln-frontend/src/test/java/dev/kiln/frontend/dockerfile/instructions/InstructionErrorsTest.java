package dev.kiln.frontend.dockerfile.instructions;

import dev.kiln.core.KilnException;
import dev.kiln.frontend.dockerfile.parser.ConformanceData;
import dev.kiln.frontend.dockerfile.parser.Node;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** instructions/errors.json: converting the first instruction fails with BuildKit's message, at its location. */
class InstructionErrorsTest {
    @TestFactory
    Stream<DynamicTest> errorsMatchUpstream() {
        return ConformanceData.cases("instructions/errors.json").stream().map(c -> DynamicTest.dynamicTest(
                c.get("test").stringValue() + ": " + c.get("expected_error").stringValue(), () -> check(c)));
    }

    private static void check(JsonNode c) {
        Node node = Dockerfiles.node(c);
        String expected = c.get("expected_error").stringValue();

        KilnException e = catchThrowableOfType(KilnException.class, () -> InstructionParser.parse(node));

        assertThat(e).as("parsing %s must fail", node.original()).isNotNull();
        if (c.get("match").stringValue().equals("exact")) {
            assertThat(e.getMessage()).isEqualTo(expected);
        } else {
            assertThat(e.getMessage()).contains(expected);
        }
        assertThat(e.location()).hasValue(node.location());
    }
}
