package dev.kiln.core.json;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Seeded mutation fuzzing of the parser: valid documents with bytes flipped, inserted, deleted, duplicated or cut.
 * Kiln must answer every mutant with a value or a {@link JsonException}, never another exception or a hang, and
 * agree with Jackson on which mutants are JSON and what they hold.
 */
class JsonFuzzTest {
    private static final int MUTANTS = 20_000;
    private static final byte[] INTERESTING = {'{', '}', '[', ']', '"', '\\', ',', ':', '0', '1', '-', '+', 'e', '.',
            'u', 'n', 't', 'f', ' ', '\n', 0, 0x1f, 0x7f, (byte) 0x80, (byte) 0xbf, (byte) 0xc3, (byte) 0xe2,
            (byte) 0xed, (byte) 0xf0, (byte) 0xf4, (byte) 0xff};

    @Test
    void mutantsAreReadOrRejectedAsJacksonDoes() {
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            List<String> disagreements = new ArrayList<>();
            for (int seed = 0; seed < MUTANTS; seed++) {
                Random random = new Random(seed);
                byte[] mutant = mutate(valid(seed), random);
                String verdict = compare(mutant);
                if (verdict != null) {
                    disagreements.add("seed " + seed + ": " + verdict);
                }
            }
            assertThat(disagreements).isEmpty();
        });
    }

    private static byte[] valid(int seed) {
        Object value = new RandomValues(seed).untyped(3);
        return seed % 3 == 0 ? JacksonOracle.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(value)
                : JacksonOracle.mapper().writeValueAsBytes(value);
    }

    /** Null when both parsers agree; otherwise what differs. Anything but a JsonException from Kiln propagates. */
    private static String compare(byte[] json) {
        Object ours;
        try {
            ours = Json.read(json).toPlain();
        } catch (JsonException e) {
            ours = e;
        }
        Object theirs;
        try {
            theirs = JsonReaderTest.jackson(json);
        } catch (JacksonException e) {
            theirs = e;
        }
        boolean weReject = ours instanceof JsonException;
        boolean theyReject = theirs instanceof JacksonException;
        if (weReject && theyReject) {
            return null;
        }
        if (theyReject && ((JacksonException) theirs).getMessage().matches("(?s).*surrogate.* in property name.*")) {
            return null; // a documented difference, see JsonReaderTest.assertReadAlike
        }
        if (weReject && hasNul(json)) {
            return null; // a documented difference: Jackson takes NUL bytes as a sign of UTF-16 or UTF-32
        }
        if (weReject != theyReject) {
            return (weReject ? "Kiln rejects: " + ((JsonException) ours).getMessage()
                    : "Jackson rejects: " + ((JacksonException) theirs).getOriginalMessage()) + " in " + excerpt(json);
        }
        return java.util.Objects.equals(ours, theirs) ? null : "different values in " + excerpt(json);
    }

    private static boolean hasNul(byte[] json) {
        for (byte b : json) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }

    private static byte[] mutate(byte[] json, Random random) {
        byte[] out = json;
        int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations && out.length > 0; m++) {
            int at = random.nextInt(out.length);
            out = switch (random.nextInt(5)) {
                case 0 -> replace(out, at, random.nextBoolean() ? INTERESTING[random.nextInt(INTERESTING.length)]
                        : (byte) random.nextInt(256));
                case 1 -> splice(out, at, at, new byte[]{INTERESTING[random.nextInt(INTERESTING.length)]});
                case 2 -> splice(out, at, Math.min(out.length, at + 1 + random.nextInt(3)), new byte[0]);
                case 3 -> java.util.Arrays.copyOf(out, at);
                default -> splice(out, at, at, java.util.Arrays.copyOfRange(out, random.nextInt(out.length), out.length));
            };
        }
        return out;
    }

    private static byte[] replace(byte[] in, int at, byte b) {
        byte[] out = in.clone();
        out[at] = b;
        return out;
    }

    private static byte[] splice(byte[] in, int from, int to, byte[] insert) {
        byte[] out = new byte[in.length - (to - from) + insert.length];
        System.arraycopy(in, 0, out, 0, from);
        System.arraycopy(insert, 0, out, from, insert.length);
        System.arraycopy(in, to, out, from + insert.length, in.length - to);
        return out;
    }

    private static String excerpt(byte[] json) {
        String s = new String(json, java.nio.charset.StandardCharsets.UTF_8);
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
