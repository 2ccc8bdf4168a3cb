package dev.kiln.core.pattern;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Behaviour beyond the shared fixtures: RE2 class syntax, directory skipping, errors, and walk speed. */
class PatternMatcherTest {

    private static boolean excluded(String pattern, String path) {
        return PatternMatcher.compile(List.of(pattern)).matchesOrParentMatches(path);
    }

    @Test
    void characterClassesFollowRe2Syntax() {
        assertThat(excluded("[[:digit:]]x", "7x")).isTrue();
        assertThat(excluded("[[:digit:]]x", ":x")).isFalse();
        assertThat(excluded("[[:^alpha:]]", "é")).isTrue();
        assertThat(excluded("a[\\d]", "a5")).isTrue();
        assertThat(excluded("a[^\\s]", "a\t")).isFalse();
        assertThat(excluded("[\\pL]b", "ωb")).isTrue();
        // upstream turns "?" inside a class into "[^/]", so the class ends early and a literal "]" follows
        assertThat(excluded("[x?]", "x]")).isTrue();
        assertThat(excluded("[x?]", "x")).isFalse();
        // \101 is octal for "A" in RE2
        assertThat(excluded("\\101", "A")).isTrue();
    }

    @Test
    void patternsRe2RejectsFailWhenMatched() {
        PatternMatcher pm = PatternMatcher.compile(List.of("[z-a]", "ok"));
        assertThat(pm.patterns()).hasSize(2);
        assertThatThrownBy(() -> pm.matchesOrParentMatches("x"))
                .isInstanceOf(KilnException.class).hasMessage("syntax error in pattern")
                .extracting(e -> ((KilnException) e).kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT);
        assertThatThrownBy(() -> excluded("[[:nope:]]", "x")).hasMessage("syntax error in pattern");
        assertThatThrownBy(() -> excluded("\\1", "x")).hasMessage("syntax error in pattern");
    }

    @Test
    void newlinesInNamesAreNotCrossedByDoubleStar() {
        assertThat(excluded("**/*.txt", "a\nb/c.txt")).isFalse();
        assertThat(excluded("*.txt", "a\nb.txt")).isTrue();
    }

    @Test
    void ignoreFileKeepsExclusionsAndRejectsHugeLines() {
        byte[] file = "\uFEFF# c\n  /a/../b/ \r\n!  /c//d\n #x\n".getBytes(StandardCharsets.UTF_8);
        assertThat(IgnoreFile.readAll(file)).containsExactly("b", "!c/d", "#x");
        byte[] huge = ("a".repeat(70_000) + "\n").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> IgnoreFile.readAll(huge)).isInstanceOf(KilnException.class);
    }

    @Test
    void parentInfoMustFitThePatterns() {
        PatternMatcher one = PatternMatcher.compile(List.of("a"));
        MatchInfo info = PatternMatcher.compile(List.of("a", "b")).matchesUsingParentResults("a", MatchInfo.NONE).info();
        assertThatThrownBy(() -> one.matchesUsingParentResults("a/b", info))
                .hasMessage("wrong number of values in parentMatched");
    }

    /** canSkipDirectory must never hide a path that the matcher would keep. */
    @Test
    void skippedDirectoriesContainOnlyExcludedPaths() {
        List<List<String>> patternSets = List.of(
                List.of("node_modules", "!*.md"),
                List.of("docs", "!docs/README.md"),
                List.of("*", "!src"),
                List.of("**/build", "!keep*/build/x"),
                List.of("a/*", "!a/b?/c"),
                List.of("a", "!a", "a"),
                List.of("x/**", "!x/[y]/z"),
                List.of("*/*", "!*/b"));
        List<String> tree = tree();
        for (List<String> patterns : patternSets) {
            PatternMatcher pm = PatternMatcher.compile(patterns);
            for (String dir : tree) {
                if (pm.matchesOrParentMatches(dir) && pm.canSkipDirectory(dir)) {
                    for (String path : tree) {
                        if (path.startsWith(dir + "/")) {
                            assertThat(pm.matchesOrParentMatches(path))
                                    .as("%s skips %s but keeps %s", patterns, dir, path).isTrue();
                        }
                    }
                }
            }
        }
        PatternMatcher pm = PatternMatcher.compile(List.of("node_modules", "!*.md", "!src/keep"));
        assertThat(pm.canSkipDirectory("node_modules")).isTrue();
        assertThat(PatternMatcher.compile(List.of("docs", "!docs/README.md")).canSkipDirectory("docs")).isFalse();
    }

    private static List<String> tree() {
        List<String> names = List.of("a", "b", "ab", "docs", "node_modules", "src", "build", "keep1", "x", "y", "z",
                "README.md", "c");
        List<String> paths = new ArrayList<>(names);
        for (String first : names) {
            for (String second : names) {
                paths.add(first + "/" + second);
                for (String third : List.of("c", "build", "x", "README.md", "z")) {
                    paths.add(first + "/" + second + "/" + third);
                }
            }
        }
        return paths;
    }

    @Test
    @Timeout(10)
    void walkingTwentyThousandPathsIsFast() {
        PatternMatcher pm = PatternMatcher.compile(List.of(
                "**/*.log", "node_modules", "build/**", "!build/keep", "*.tmp", "docs/**/*.md", "!docs/index.md",
                ".git", "**/__pycache__", "dist/*.whl"));
        long start = System.nanoTime();
        int excluded = 0;
        for (int d = 0; d < 200; d++) {
            String dir = "dir" + d + "/sub" + (d % 7);
            MatchInfo dirInfo = MatchInfo.NONE;
            for (String part : List.of("dir" + d, dir)) {
                dirInfo = pm.matchesUsingParentResults(part, dirInfo).info();
            }
            for (int f = 0; f < 100; f++) {
                if (pm.matchesUsingParentResults(dir + "/file" + f + (f % 3 == 0 ? ".log" : ".java"), dirInfo).matched()) {
                    excluded++;
                }
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(excluded).isEqualTo(200 * 34);
        assertThat(millis).as("20,000 paths took %d ms", millis).isLessThan(2_000);
    }
}
