package dev.kiln.core.pattern;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.GoPath;
import dev.kiln.core.KilnException;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * {@code .dockerignore} matching with the semantics of moby/patternmatcher. Patterns apply in order and the last
 * one that matches decides; a {@code !} pattern re-includes. A pattern also matches everything below a directory
 * it matches. Paths are slash-separated and relative to the context root. Immutable and thread-safe.
 */
public final class PatternMatcher {
    private final List<PathPattern> patterns;
    private final boolean exclusions;

    private PatternMatcher(List<PathPattern> patterns) {
        this.patterns = List.copyOf(patterns);
        this.exclusions = patterns.stream().anyMatch(PathPattern::exclusion);
    }

    /**
     * Compiles patterns as upstream's {@code New}: each is trimmed, skipped when empty, cleaned, and checked
     * with Go's {@code filepath.Match} syntax rules.
     *
     * @throws KilnException INVALID_ARGUMENT {@code illegal exclusion pattern: "!"} or {@code syntax error in pattern}
     */
    public static PatternMatcher compile(List<String> patterns) {
        List<PathPattern> compiled = new ArrayList<>(patterns.size());
        for (String raw : patterns) {
            String p = GoPath.trimSpace(raw);
            if (p.isEmpty()) {
                continue;
            }
            p = GoPath.clean(p);
            boolean exclusion = p.charAt(0) == '!';
            if (exclusion) {
                if (p.length() == 1) {
                    throw invalid("illegal exclusion pattern: \"!\"");
                }
                p = p.substring(1);
            }
            if (!FilepathMatch.isValid(p)) {
                throw invalid(PathPattern.BAD_PATTERN);
            }
            compiled.add(new PathPattern(p, exclusion));
        }
        return new PatternMatcher(compiled);
    }

    /**
     * Upstream's package-level {@code Matches(file, patterns)}: compiles {@code patterns}, cleans {@code path},
     * never matches the context root ".", and otherwise behaves as {@link #matches(String)}.
     */
    public static boolean matches(List<String> patterns, String path) {
        PatternMatcher matcher = compile(patterns);
        String cleaned = GoPath.clean(path);
        return !cleaned.equals(".") && matcher.matches(cleaned);
    }

    public List<PathPattern> patterns() {
        return patterns;
    }

    /** Whether any pattern is a {@code !} exclusion. */
    public boolean exclusions() {
        return exclusions;
    }

    /**
     * Upstream's deprecated {@code Matches}: a pattern matches the path itself, or the path's leading directories
     * taken to the pattern's depth (so {@code a*} matches {@code ab/c}). Prefer {@link #matchesOrParentMatches}.
     */
    public boolean matches(String path) {
        String parent = GoPath.dir(path);
        String[] parentDirs = parent.split("/", -1);
        return evaluate(pattern -> {
            if (pattern.matches(path)) {
                return true;
            }
            int depth = pattern.segments().size();
            return !parent.equals(".") && depth <= parentDirs.length
                    && quietly(pattern, String.join("/", List.of(parentDirs).subList(0, depth)));
        });
    }

    /** Whether {@code path} or any of its parent directories is matched, and not re-included by a later pattern. */
    public boolean matchesOrParentMatches(String path) {
        return evaluate(pattern -> pattern.matches(path) || anyParentMatches(pattern, path));
    }

    /**
     * The same decision as {@link #matchesOrParentMatches}, reusing the parent directory's result so a tree walk
     * evaluates each pattern once per path. Pass {@link MatchInfo#NONE} for a path whose parent was not matched
     * through this method (then parents are checked directly).
     */
    public MatchResult matchesUsingParentResults(String path, MatchInfo parent) {
        if (!parent.isEmpty() && parent.size() != patterns.size()) {
            throw invalid("wrong number of values in parentMatched");
        }
        boolean matched = false;
        boolean[] info = new boolean[patterns.size()];
        for (int i = 0; i < patterns.size(); i++) {
            PathPattern pattern = patterns.get(i);
            boolean match = !parent.isEmpty() && parent.matched(i);
            if (!match) {
                if (pattern.exclusion() != matched) {
                    continue;
                }
                match = pattern.matches(path) || (parent.isEmpty() && anyParentMatches(pattern, path));
            }
            info[i] = match;
            if (match) {
                matched = !pattern.exclusion();
            }
        }
        return new MatchResult(matched, new MatchInfo(info));
    }

    /**
     * For a directory that is matched (excluded): whether the walk may skip its contents, because no
     * {@code !} pattern could re-include anything inside it. Conservative: answers false when unsure.
     */
    public boolean canSkipDirectory(String dir) {
        String[] dirSegments = dir.split("/", -1);
        return patterns.stream().filter(PathPattern::exclusion)
                .noneMatch(p -> ExclusionReach.mayReachInto(p, dirSegments));
    }

    /** Applies patterns in order; inclusions are only tried while unmatched and exclusions only while matched. */
    private boolean evaluate(Predicate<PathPattern> test) {
        boolean matched = false;
        for (PathPattern pattern : patterns) {
            if (pattern.exclusion() == matched && test.test(pattern)) {
                matched = !pattern.exclusion();
            }
        }
        return matched;
    }

    private static boolean anyParentMatches(PathPattern pattern, String path) {
        String parent = GoPath.dir(path);
        if (parent.equals(".")) {
            return false;
        }
        for (int slash = parent.indexOf('/'); ; slash = parent.indexOf('/', slash + 1)) {
            if (quietly(pattern, slash < 0 ? parent : parent.substring(0, slash))) {
                return true;
            }
            if (slash < 0) {
                return false;
            }
        }
    }

    /** Parent checks ignore errors upstream: the pattern already failed on the path itself if it is invalid. */
    private static boolean quietly(PathPattern pattern, String path) {
        try {
            return pattern.matches(path);
        } catch (KilnException e) {
            return false;
        }
    }

    private static KilnException invalid(String message) {
        return new KilnException(ErrorKind.INVALID_ARGUMENT, message);
    }
}
