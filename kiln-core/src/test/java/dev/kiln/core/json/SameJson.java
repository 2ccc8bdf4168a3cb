package dev.kiln.core.json;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.fail;

/** Compares two JSON texts exactly, reporting the first difference in context rather than both (often huge) texts. */
public final class SameJson {
    private static final int CONTEXT = 60;

    private SameJson() {
    }

    public static void assertSame(byte[] actual, byte[] expected, String what) {
        assertSame(new String(actual, StandardCharsets.UTF_8), new String(expected, StandardCharsets.UTF_8), what);
        if (!java.util.Arrays.equals(actual, expected)) {
            fail(what + ": same text, different bytes");
        }
    }

    public static void assertSame(String actual, String expected, String what) {
        if (actual.equals(expected)) {
            return;
        }
        int i = 0;
        while (i < actual.length() && i < expected.length() && actual.charAt(i) == expected.charAt(i)) {
            i++;
        }
        fail(what + ": differs at char " + i + " of " + expected.length() + "\n  expected: …" + window(expected, i)
                + "\n  actual:   …" + window(actual, i));
    }

    private static String window(String s, int at) {
        String w = s.substring(Math.max(0, at - CONTEXT), Math.min(s.length(), at + CONTEXT));
        StringBuilder out = new StringBuilder();
        w.chars().forEach(c -> out.append(c < 0x20 || (c >= 0xD800 && c <= 0xDFFF) || c > 0x7E
                ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return out.toString();
    }
}
