package dev.kiln.frontend.dockerfile.shell;

/** The pattern operations of {@code ${VAR#p}}, {@code ${VAR%p}} and {@code ${VAR/p/r}}, with upstream's semantics. */
final class Substitutions {
    private Substitutions() {
    }

    /** Removes the shortest (or, when greedy, longest) prefix of {@code value} matching {@code pattern}. */
    static String trimPrefix(String pattern, String value, boolean greedy) {
        int[] text = value.codePoints().toArray();
        int end = ShellPattern.compile(pattern, greedy).over(text).prefixEnd();
        return end < 0 ? value : new String(text, end, text.length - end);
    }

    /**
     * Removes a matching suffix. Like upstream, this reverses the value and the pattern (keeping escape pairs
     * together) and trims a prefix, because a leftmost search cannot find the shortest rightmost match.
     */
    static String trimSuffix(String pattern, String value, boolean greedy) {
        return reverse(trimPrefix(reversePattern(pattern), reverse(value), greedy));
    }

    /**
     * Replaces the first (or every) match of {@code pattern} in {@code value}. Stars are greedy. As with Go's
     * {@code ReplaceAllString}, replacing every match expands {@code $0} / {@code ${0}} to the matched text and
     * {@code $$} to {@code $}, and an empty match right after a previous match is not replaced.
     */
    static String replace(String pattern, String replacement, String value, boolean all) {
        int[] text = value.codePoints().toArray();
        ShellPattern.Search search = ShellPattern.compile(pattern, true).over(text);
        if (!all) {
            int[] match = search.find(0);
            return match == null ? value : slice(text, 0, match[0]) + replacement + slice(text, match[1], text.length);
        }
        StringBuilder out = new StringBuilder();
        int lastEnd = 0;
        for (int searchPos = 0; searchPos <= text.length; ) {
            int[] match = search.find(searchPos);
            if (match == null) {
                break;
            }
            out.append(slice(text, lastEnd, match[0]));
            if (match[1] > lastEnd || match[0] == 0) {
                out.append(expandTemplate(replacement, slice(text, match[0], match[1])));
            }
            lastEnd = match[1];
            searchPos = searchPos + 1 > match[1] ? searchPos + 1 : match[1];
        }
        return out.append(slice(text, lastEnd, text.length)).toString();
    }

    /** Go's {@code Regexp.Expand} for a regexp whose only group is the whole match (group 0, unnamed). */
    private static String expandTemplate(String template, String whole) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        for (int dollar; (dollar = template.indexOf('$', i)) >= 0; ) {
            out.append(template, i, dollar);
            i = dollar + 1;
            if (i < template.length() && template.charAt(i) == '$') {
                out.append('$');
                i++;
                continue;
            }
            int[] ref = reference(template, i);
            if (ref == null) {
                out.append('$');
                continue;
            }
            if (template.substring(ref[0], ref[1]).equals("0")) {
                out.append(whole);
            }
            i = ref[2];
        }
        return out.append(template, i, template.length()).toString();
    }

    /** A {@code name} or {@code {name}} reference at {@code i}: {nameStart, nameEnd, restStart}, or null if malformed. */
    private static int[] reference(String template, int i) {
        boolean brace = i < template.length() && template.charAt(i) == '{';
        int start = brace ? i + 1 : i;
        int end = start;
        while (end < template.length()) {
            int ch = template.codePointAt(end);
            if (!Character.isLetter(ch) && !Character.isDigit(ch) && ch != '_') {
                break;
            }
            end += Character.charCount(ch);
        }
        if (end == start) {
            return null;
        }
        if (!brace) {
            return new int[] {start, end, end};
        }
        return end < template.length() && template.charAt(end) == '}' ? new int[] {start, end, end + 1} : null;
    }

    /** Reverses a pattern, keeping each backslash in front of the character it escapes ({@code a\*c} → {@code c\*a}). */
    static String reversePattern(String pattern) {
        int[] in = pattern.codePoints().toArray();
        int[] out = new int[in.length];
        int last = in.length - 1;
        for (int i = 0; i <= last; ) {
            if (in[i] == '\\' && i != last) {
                out[last - i - 1] = in[i];
                out[last - i] = in[i + 1];
                i += 2;
            } else {
                out[last - i] = in[i];
                i++;
            }
        }
        return new String(out, 0, out.length);
    }

    private static String reverse(String s) {
        int[] cps = s.codePoints().toArray();
        for (int i = 0, j = cps.length - 1; i < j; i++, j--) {
            int tmp = cps[i];
            cps[i] = cps[j];
            cps[j] = tmp;
        }
        return new String(cps, 0, cps.length);
    }

    private static String slice(int[] text, int from, int to) {
        return new String(text, from, to - from);
    }
}
