package dev.kiln.core.pattern;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The members of an RE2 character class, rendered as a java.util.regex class. Ranges are kept explicit (and
 * complemented by hand) because RE2's ASCII-only POSIX and Perl classes differ from Java's, and Java's nested
 * classes under negation are best avoided; Unicode categories are kept as Java property tokens.
 */
final class CharClass {
    static final int MAX_RUNE = Character.MAX_CODE_POINT;

    private static final Map<String, int[]> POSIX = Map.ofEntries(
            Map.entry("alnum", new int[] {'0', '9', 'A', 'Z', 'a', 'z'}),
            Map.entry("alpha", new int[] {'A', 'Z', 'a', 'z'}),
            Map.entry("ascii", new int[] {0, 0x7F}),
            Map.entry("blank", new int[] {'\t', '\t', ' ', ' '}),
            Map.entry("cntrl", new int[] {0, 0x1F, 0x7F, 0x7F}),
            Map.entry("digit", new int[] {'0', '9'}),
            Map.entry("graph", new int[] {'!', '~'}),
            Map.entry("lower", new int[] {'a', 'z'}),
            Map.entry("print", new int[] {' ', '~'}),
            Map.entry("punct", new int[] {'!', '/', ':', '@', '[', '`', '{', '~'}),
            Map.entry("space", new int[] {'\t', '\r', ' ', ' '}),
            Map.entry("upper", new int[] {'A', 'Z'}),
            Map.entry("word", new int[] {'0', '9', 'A', 'Z', 'a', 'z', '_', '_'}),
            Map.entry("xdigit", new int[] {'0', '9', 'A', 'F', 'a', 'f'}));

    private static final Map<Character, int[]> PERL = Map.of(
            'd', new int[] {'0', '9'},
            's', new int[] {'\t', '\n', '\f', '\r', ' ', ' '},
            'w', new int[] {'0', '9', 'A', 'Z', 'a', 'z', '_', '_'});

    private final List<int[]> ranges = new ArrayList<>();
    private final StringBuilder properties = new StringBuilder();

    /** RE2's POSIX class table; null for an unknown name. */
    static int[] posix(String name) {
        return POSIX.get(name);
    }

    /** RE2's Perl class (\d \s \w) for the lower-case letter; null otherwise. */
    static int[] perl(char letter) {
        return PERL.get(letter);
    }

    void addRange(int lo, int hi) {
        ranges.add(new int[] {lo, hi});
    }

    /** Adds pairs of range bounds, or their complement. */
    void addTable(int[] table, boolean negated) {
        int[] pairs = negated ? complement(table) : table;
        for (int i = 0; i < pairs.length; i += 2) {
            addRange(pairs[i], pairs[i + 1]);
        }
    }

    /** A Unicode general category such as L or N, possibly negated (Java spells both {@code \p{X}}/{@code \P{X}}). */
    void addCategory(char category, boolean negated) {
        properties.append(negated ? "\\P{" : "\\p{").append(category).append('}');
    }

    String toJava(boolean negated) {
        StringBuilder out = new StringBuilder("[");
        if (negated) {
            out.append('^');
        }
        for (int[] r : ranges) {
            out.append(hex(r[0]));
            if (r[1] != r[0]) {
                out.append('-').append(hex(r[1]));
            }
        }
        return out.append(properties).append(']').toString();
    }

    static String hex(int codePoint) {
        return "\\x{" + Integer.toHexString(codePoint) + "}";
    }

    /** The complement over all runes of sorted, non-overlapping range pairs. */
    private static int[] complement(int[] table) {
        List<int[]> sorted = new ArrayList<>();
        for (int i = 0; i < table.length; i += 2) {
            sorted.add(new int[] {table[i], table[i + 1]});
        }
        sorted.sort(Comparator.comparingInt(r -> r[0]));
        List<Integer> out = new ArrayList<>();
        int next = 0;
        for (int[] r : sorted) {
            if (r[0] > next) {
                out.add(next);
                out.add(r[0] - 1);
            }
            next = Math.max(next, r[1] + 1);
        }
        if (next <= MAX_RUNE) {
            out.add(next);
            out.add(MAX_RUNE);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }
}
