package dev.kiln.core;

/**
 * Go's {@code path.Clean}, {@code path.Dir} and {@code path.Join} (which {@code filepath} matches on Linux), and the
 * {@code strings.TrimSpace} upstream applies to paths, for slash-separated paths.
 */
public final class GoPath {
    private GoPath() {
    }

    /** The shortest equivalent path: no repeated or trailing slashes, no "." elements, ".." resolved lexically. */
    public static String clean(String path) {
        if (path.isEmpty()) {
            return ".";
        }
        boolean rooted = path.charAt(0) == '/';
        StringBuilder out = new StringBuilder(path.length());
        if (rooted) {
            out.append('/');
        }
        int dotdotFloor = out.length(); // ".." may not remove anything before this
        int n = path.length();
        for (int r = rooted ? 1 : 0; r < n; ) {
            int end = path.indexOf('/', r);
            end = end < 0 ? n : end;
            String elem = path.substring(r, end);
            r = end + 1;
            if (elem.isEmpty() || elem.equals(".")) {
                continue;
            }
            if (elem.equals("..")) {
                if (out.length() > dotdotFloor) {
                    int cut = out.lastIndexOf("/");
                    out.setLength(Math.max(cut, dotdotFloor));
                    continue;
                }
                if (rooted) {
                    continue;
                }
                appendElement(out, rooted, "..");
                dotdotFloor = out.length();
                continue;
            }
            appendElement(out, rooted, elem);
        }
        return out.isEmpty() ? "." : out.toString();
    }

    private static void appendElement(StringBuilder out, boolean rooted, String elem) {
        if (out.length() > (rooted ? 1 : 0)) {
            out.append('/');
        }
        out.append(elem);
    }

    /** All but the last element, cleaned; "." when there is no slash. */
    public static String dir(String path) {
        int slash = path.lastIndexOf('/');
        return clean(path.substring(0, slash + 1));
    }

    /** Joins the non-empty elements with "/" and cleans the result; all empty gives "". */
    public static String join(String... elements) {
        StringBuilder b = new StringBuilder();
        for (String e : elements) {
            if (!e.isEmpty()) {
                if (!b.isEmpty()) {
                    b.append('/');
                }
                b.append(e);
            }
        }
        return b.isEmpty() ? "" : clean(b.toString());
    }

    /** Go's {@code strings.TrimSpace}: trims Unicode White_Space (which includes U+0085 and U+00A0). */
    public static String trimSpace(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean isSpace(char ch) {
        return switch (ch) {
            case '\t', '\n', 0x0B, '\f', '\r', ' ', 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000 -> true;
            default -> ch >= 0x2000 && ch <= 0x200A;
        };
    }
}
