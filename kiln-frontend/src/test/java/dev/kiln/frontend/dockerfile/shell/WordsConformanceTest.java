package dev.kiln.frontend.dockerfile.shell;

import dev.kiln.core.KilnException;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Upstream's {@code wordsTest}: {@code ENV} lines accumulate an environment, every other line is
 * {@code input | word,word,…} for multi-word expansion, with {@code error} standing for a failure.
 */
class WordsConformanceTest {
    private static final ShellLex LEX = new ShellLex('\\');

    @TestFactory
    Stream<DynamicTest> wordsTest() {
        List<DynamicTest> tests = new ArrayList<>();
        List<String> env = new ArrayList<>();
        List<String> lines = ShellFixtures.lines("wordsTest");
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("ENV ")) {
                env.add(stripLeadingSpaces(line.substring(3)));
                continue;
            }
            String[] parts = line.split("\\|", -1);
            assertThat(parts).as("line %d must have exactly one |", i + 1).hasSize(2);
            String input = parts[0].strip();
            List<String> expected = Arrays.asList(stripLeadingSpaces(parts[1]).split(",", -1));
            EnvLookup snapshot = EnvLookup.fromList(List.copyOf(env));
            tests.add(DynamicTest.dynamicTest("line " + (i + 1) + ": " + input,
                    () -> assertThat(words(input, snapshot)).isEqualTo(expected)));
        }
        assertThat(tests).hasSizeGreaterThan(10);
        return tests.stream();
    }

    private static List<String> words(String input, EnvLookup env) {
        try {
            return LEX.processWords(input, env);
        } catch (KilnException e) {
            return List.of("error");
        }
    }

    private static String stripLeadingSpaces(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        return s.substring(i);
    }
}
