package dev.kiln.frontend.dockerfile.convert;


/**
 * BuildKit's {@code system.NormalizePath} for Linux, on top of Go's {@code path} functions in
 * {@link dev.kiln.core.GoPath}: the path rules COPY, WORKDIR and mount targets follow.
 */
final class GoPath {
    private GoPath() {
    }

    static String clean(String p) {
        return dev.kiln.core.GoPath.clean(p);
    }

    static String join(String... elems) {
        return dev.kiln.core.GoPath.join(elems);
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
