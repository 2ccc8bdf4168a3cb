package dev.kiln.cli.config;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Random mutants of a valid kiln.toml: reading one either succeeds or fails with a one-line config error. */
class TomlFuzzTest {
    private static final int MUTANTS = 5000;
    /** Characters that matter to TOML's grammar, and a few that never may appear unescaped. */
    private static final String ALPHABET = "[]{}\"'=.,#\\\n\r\t _+-:0179xobeEinfatrusU\u0000\u007F\u00e9\uD83D";

    @Test
    void mutantsOfTheBuildkitExample_parseOrFailCleanly() throws Exception {
        Path example = Path.of(TomlFuzzTest.class.getResource("buildkitd-example.toml").toURI());
        String valid = Files.readString(example);
        Random random = new Random(20261127);
        int[] outcomes = new int[2];
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (int i = 0; i < MUTANTS; i++) {
                String mutant = mutate(valid, random);
                outcomes[readOrFailCleanly(mutant) ? 0 : 1]++;
            }
        });
        // Both outcomes must occur, or the mutations say nothing about one of them.
        assertThat(outcomes[0]).as("mutants read").isPositive();
        assertThat(outcomes[1]).as("mutants rejected").isPositive();
    }

    private static boolean readOrFailCleanly(String mutant) {
        try {
            ConfigBinder.bind(TomlReader.read("m.toml", mutant));
            return true;
        } catch (KilnException e) {
            assertThat(e.kind()).as(mutant).isEqualTo(ErrorKind.INVALID_ARGUMENT);
            assertThat(e.getMessage()).as(mutant).startsWith("invalid config m.toml").doesNotContain("\n", "\r");
            return false;
        }
    }

    /** One to three random edits: insert, delete, replace or duplicate a span. */
    private static String mutate(String text, Random random) {
        StringBuilder out = new StringBuilder(text);
        for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
            int at = random.nextInt(out.length() + 1);
            int end = Math.min(out.length(), at + 1 + random.nextInt(8));
            switch (random.nextInt(4)) {
                case 0 -> out.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                case 1 -> out.delete(at, end);
                case 2 -> out.replace(at, end, String.valueOf(ALPHABET.charAt(random.nextInt(ALPHABET.length()))));
                default -> out.insert(at, out.substring(at, end));
            }
        }
        return out.toString();
    }
}
