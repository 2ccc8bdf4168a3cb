package dev.kiln.core.pattern;

import java.util.List;

/**
 * Decides whether a {@code !} pattern could match a directory, one of its ancestors, or anything inside it.
 * A pattern with only {@code *} and {@code ?} wildcards matches paths of exactly its own depth, segment by
 * segment, so comparing its leading segments with the directory's is enough. Patterns with {@code **},
 * classes or escapes are assumed to reach anywhere.
 */
final class ExclusionReach {
    private ExclusionReach() {
    }

    static boolean mayReachInto(PathPattern exclusion, String[] dirSegments) {
        String text = exclusion.text();
        if (text.contains("**") || text.indexOf('[') >= 0 || text.indexOf('\\') >= 0) {
            return true;
        }
        List<String> segments = exclusion.segments();
        int shared = Math.min(segments.size(), dirSegments.length);
        for (int i = 0; i < shared; i++) {
            if (!segmentMatches(segments.get(i), dirSegments[i])) {
                return false;
            }
        }
        return true;
    }

    /** Glob match of one path segment: {@code ?} is one character, {@code *} any run. */
    static boolean segmentMatches(String glob, String name) {
        int[] g = glob.codePoints().toArray();
        int[] s = name.codePoints().toArray();
        int gi = 0;
        int si = 0;
        int starG = -1;
        int starS = 0;
        while (si < s.length) {
            if (gi < g.length && g[gi] == '*') {
                starG = gi++;
                starS = si;
            } else if (gi < g.length && (g[gi] == '?' || g[gi] == s[si])) {
                gi++;
                si++;
            } else if (starG >= 0) {
                gi = starG + 1;
                si = ++starS;
            } else {
                return false;
            }
        }
        while (gi < g.length && g[gi] == '*') {
            gi++;
        }
        return gi == g.length;
    }
}
