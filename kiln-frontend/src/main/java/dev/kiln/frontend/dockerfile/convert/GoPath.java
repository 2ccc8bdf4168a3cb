package dev.kiln.frontend.dockerfile.convert;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Go's {@code path} package on slash-separated paths, and BuildKit's {@code system.NormalizePath}
 * for Linux: the path rules COPY, WORKDIR and mount targets follow.
 */
final class GoPath {
    private GoPath() {
    }

    /** {@code path.Clean}: lexical; {@code ""} becomes {@code "."}, {@code "/.."} becomes {@code "/"}. */
    static String clean(String p) {
        if (p.isEmpty()) {
            return ".";
        }
        boolean rooted = p.charAt(0) == '/';
        Deque<String> out = new ArrayDeque<>();
        for (String part : p.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!out.isEmpty() && !out.peekLast().equals("..")) {
                    out.removeLast();
                } else if (!rooted) {
                    out.addLast("..");
                }
            } else {
                out.addLast(part);
            }
        }
        String joined = String.join("/", out);
        if (rooted) {
            return "/" + joined;
        }
        return joined.isEmpty() ? "." : joined;
    }

    /** {@code path.Join}: the non-empty elements joined by slashes and cleaned; {@code ""} if all are empty. */
    static String join(String... elems) {
        StringBuilder b = new StringBuilder();
        for (String e : elems) {
            if (!e.isEmpty()) {
                b.append(b.isEmpty() ? "" : "/").append(e);
            }
        }
        return b.isEmpty() ? "" : clean(b.toString());
    }

    static boolean isAbs(String p) {
        return p.startsWith("/");
    }

    /**
     * BuildKit's {@code NormalizePath} for Linux: a relative path is joined to {@code parent} (default
     * {@code /}) and cleaned, an absolute one is kept as written; with {@code keepSlash} a trailing
     * {@code /} or {@code /.} of the input survives.
     */
    static String normalize(String parent, String newPath, boolean keepSlash) {
        String par = parent.isEmpty() ? "/" : parent;
        if (!isAbs(par)) {
            par = join("/", par);
        }
        String p = newPath.isEmpty() ? par : newPath;
        if (!isAbs(p)) {
            p = join(par, p);
        }
        if (keepSlash) {
            if (newPath.endsWith("/") && !p.endsWith("/")) {
                p += "/";
            } else if (newPath.endsWith("/.")) {
                p = (p.equals("/") ? p : p + "/") + ".";
            }
        }
        return p;
    }
}
