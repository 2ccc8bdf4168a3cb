package dev.kiln.frontend.dockerfile.shell;

import dev.kiln.core.KilnException;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Upstream's {@code envVarTest} table: each {@code platform | input | expected} line expands one word with a fixed
 * environment. Lines tagged {@code W} are Windows-only (case-insensitive names) and do not apply to Linux builds.
 */
class EnvVarConformanceTest {
    private static final EnvLookup ENV = EnvLookup.fromList(List.of("PWD=/home", "SHELL=bash", "KOREAN=한국어", "NULL="));
    private static final ShellLex LEX = new ShellLex('\\');

    @TestFactory
    Stream<DynamicTest> envVarTest() {
        List<DynamicTest> tests = new ArrayList<>();
        List<String> lines = ShellFixtures.lines("envVarTest");
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] fields = line.strip().split("\\|", -1);
            assertThat(fields).as("line %d", i + 1).hasSize(3);
            String platform = fields[0].strip();
            assertThat(platform).as("line %d", i + 1).isIn("A", "U", "W");
            if (platform.equals("W")) {
                continue;
            }
            String input = fields[1].strip();
            String expected = fields[2].strip();
            tests.add(DynamicTest.dynamicTest("line " + (i + 1) + ": " + input, () -> check(input, expected)));
        }
        assertThat(tests).hasSizeGreaterThan(100);
        return tests.stream();
    }

    private static void check(String input, String expected) {
        if (expected.equals("error")) {
            assertThatThrownBy(() -> LEX.processWord(input, ENV))
                    .isInstanceOf(KilnException.class)
                    .hasMessageStartingWith("failed to process " + GoText.quote(input) + ": ");
        } else {
            assertThat(LEX.processWord(input, ENV)).isEqualTo(expected);
        }
    }
}
