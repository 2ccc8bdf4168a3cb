package dev.kiln.worker.layer;

import java.util.ArrayDeque;
import java.util.Deque;

/** Go's {@code path.Clean} and {@code path.Join}, byte-for-byte, for naming tar members the way Go does. */
final class GoPath {
    private GoPath() {
    }

    static String clean(String path) {
        if (path.isEmpty()) {
            return ".";
        }
        boolean rooted = path.startsWith("/");
        Deque<String> parts = new ArrayDeque<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!parts.isEmpty() && !parts.peekLast().equals("..")) {
                    parts.removeLast();
                } else if (!rooted) {
                    parts.addLast("..");
                }
                continue;
            }
            parts.addLast(part);
        }
        String joined = String.join("/", parts);
        if (rooted) {
            return "/" + joined;
        }
        return joined.isEmpty() ? "." : joined;
    }

    /** Joins the non-empty elements with "/" and cleans the result; all empty gives "". */
    static String join(String... elements) {
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
}
