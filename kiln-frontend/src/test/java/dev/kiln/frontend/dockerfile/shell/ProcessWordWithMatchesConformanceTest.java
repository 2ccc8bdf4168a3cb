package dev.kiln.frontend.dockerfile.shell;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** {@code shell/process_word_with_matches.json} and {@code shell/env_lookup.json}. */
class ProcessWordWithMatchesConformanceTest {
    private static final ShellLex LEX = new ShellLex('\\');

    @TestFactory
    Stream<DynamicTest> processWordWithMatches() {
        return ShellFixtures.cases("process_word_with_matches.json").stream().map(c -> DynamicTest.dynamicTest(
                c.get("input").asString() + " " + c.get("env"), () -> check(c)));
    }

    private static void check(JsonNode c) {
        String input = c.get("input").asString();
        EnvLookup env = EnvLookup.of(ShellFixtures.stringMap(c.get("env")));
        if (c.path("expected_error").asBoolean(false)) {
            KilnException e = catchThrowableOfType(KilnException.class, () -> LEX.processWordWithMatches(input, env));
            assertThat(e).as("expansion must fail").isNotNull();
            assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT);
            if (c.has("expected_error_contains")) {
                assertThat(e.getMessage()).contains(c.get("expected_error_contains").asString());
            }
            return;
        }
        ProcessResult result = LEX.processWordWithMatches(input, env);
        assertThat(result.result()).isEqualTo(c.get("expected").asString());
        if (!c.has("from_test")) {
            assertThat(result.matched()).containsExactlyInAnyOrderElementsOf(ShellFixtures.strings(c.get("matched")));
            assertThat(result.unmatched()).containsExactlyInAnyOrderElementsOf(ShellFixtures.strings(c.get("unmatched")));
        }
    }

    @TestFactory
    Stream<DynamicTest> envLookup() {
        return ShellFixtures.cases("env_lookup.json").stream().map(c -> DynamicTest.dynamicTest(
                c.get("env_list") + " " + c.get("name").asString(), () -> {
                    EnvLookup env = EnvLookup.fromList(ShellFixtures.strings(c.get("env_list")));
                    assertThat(env.get(c.get("name").asString()).orElse(""))
                            .isEqualTo(c.get("expected").asString());
                }));
    }
}
