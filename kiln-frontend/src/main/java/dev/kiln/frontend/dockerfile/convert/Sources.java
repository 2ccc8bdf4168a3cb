package dev.kiln.frontend.dockerfile.convert;

import java.util.regex.Pattern;

/** Recognises COPY/ADD sources that are not paths: URLs and git repositories. */
final class Sources {
    private static final Pattern GIT = Pattern.compile(
            "^(?:git://|git@[^:/]+:|ssh://|https?://[^#]*\\.git(?:#.*)?$)");

    private Sources() {
    }

    static boolean isGit(String src) {
        return GIT.matcher(src).find();
    }

    static boolean isUrl(String src) {
        return (src.startsWith("http://") || src.startsWith("https://")) && !isGit(src);
    }
}
