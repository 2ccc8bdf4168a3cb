package dev.kiln.core.pattern;

import dev.kiln.core.ConformanceData;
import dev.kiln.core.GoPath;
import dev.kiln.core.KilnException;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The shared {@code patternmatcher/*.json} fixtures. matches.json is checked through every matching API that
 * gives the .dockerignore answer; upstream's deprecated single-boolean {@code MatchesUsingParentResult} is not
 * provided (upstream documents it as wrong for some trees), so that fourth check is not run.
 */
class PatternMatcherConformanceTest {

    @TestFactory
    Stream<DynamicTest> matches() {
        return ConformanceData.cases("patternmatcher/matches.json").stream().map(c -> {
            List<String> patterns = ConformanceData.strings(c.get("patterns"));
            String path = c.get("path").asString();
            boolean expected = c.get("expected").asBoolean();
            return DynamicTest.dynamicTest(patterns + " " + path, () -> {
                PatternMatcher pm = PatternMatcher.compile(patterns);
                assertThat(pm.matchesOrParentMatches(path)).as("matchesOrParentMatches").isEqualTo(expected);
                assertThat(pm.matchesUsingParentResults(path, parentInfo(pm, path)).matched())
                        .as("matchesUsingParentResults").isEqualTo(expected);
                assertThat(pm.matchesUsingParentResults(path, MatchInfo.NONE).matched())
                        .as("matchesUsingParentResults without context").isEqualTo(expected);
            });
        });
    }

    /** The MatchInfo a top-down walk would hold for the parent of {@code path}. */
    private static MatchInfo parentInfo(PatternMatcher pm, String path) {
        String parent = GoPath.dir(path);
        MatchInfo info = MatchInfo.NONE;
        if (parent.equals(".")) {
            return info;
        }
        String[] dirs = parent.split("/", -1);
        for (int i = 0; i < dirs.length; i++) {
            info = pm.matchesUsingParentResults(String.join("/", List.of(dirs).subList(0, i + 1)), info).info();
        }
        return info;
    }

    @TestFactory
    Stream<DynamicTest> filepathMatch() {
        return ConformanceData.cases("patternmatcher/filepath_match.json").stream().map(c -> {
            String pattern = c.get("pattern").asString();
            String path = c.get("path").asString();
            return DynamicTest.dynamicTest(pattern + " " + path, () -> {
                if (c.get("error").isNull()) {
                    assertThat(PatternMatcher.matches(List.of(pattern), path)).isEqualTo(c.get("expected").asBoolean());
                } else {
                    assertThatThrownBy(() -> PatternMatcher.matches(List.of(pattern), path))
                            .isInstanceOf(KilnException.class).hasMessage(c.get("error").asString());
                }
            });
        });
    }

    @TestFactory
    Stream<DynamicTest> misc() {
        return ConformanceData.cases("patternmatcher/misc.json").stream()
                .map(c -> DynamicTest.dynamicTest(c.get("test").asString(), () -> checkMisc(c)));
    }

    private static void checkMisc(JsonNode c) {
        List<String> patterns = ConformanceData.strings(c.get("patterns"));
        String api = c.get("api").asString();
        boolean error = c.path("expected_error").asBoolean(false);
        String message = c.path("expected_error_message").asString(null);
        switch (api) {
            case "Matches" -> {
                String path = c.get("path").asString();
                if (error) {
                    assertThatThrownBy(() -> PatternMatcher.matches(patterns, path)).isInstanceOf(KilnException.class);
                } else {
                    assertThat(PatternMatcher.matches(patterns, path)).isEqualTo(c.get("expected").asBoolean());
                }
            }
            case "New" -> {
                if (error) {
                    assertThatThrownBy(() -> PatternMatcher.compile(patterns)).hasMessage(message);
                    return;
                }
                PatternMatcher pm = PatternMatcher.compile(patterns);
                if (c.has("expected_pattern_count")) {
                    assertThat(pm.patterns()).hasSize(c.get("expected_pattern_count").asInt());
                }
                if (c.has("expected_has_exclusions")) {
                    assertThat(pm.exclusions()).isEqualTo(c.get("expected_has_exclusions").asBoolean());
                }
            }
            case "New+MatchesOrParentMatches (called twice)" -> {
                PatternMatcher pm = PatternMatcher.compile(patterns);
                String path = c.get("path").asString();
                for (int call = 0; call < 2; call++) {
                    assertThatThrownBy(() -> pm.matchesOrParentMatches(path)).hasMessage(message);
                }
            }
            default -> throw new AssertionError("unknown api in misc.json: " + api);
        }
    }

    @TestFactory
    Stream<DynamicTest> compileStrategy() {
        return ConformanceData.cases("patternmatcher/compile.json").stream().map(c -> {
            String pattern = c.get("pattern").asString();
            return DynamicTest.dynamicTest(pattern, () -> {
                PathPattern compiled = PatternMatcher.compile(List.of(pattern)).patterns().getFirst();
                assertThat(compiled.type().name().toLowerCase()).isEqualTo(c.get("match_type").asString());
                assertThat(compiled.goRegex()).isEqualTo(c.get("regexp").asString(null));
            });
        });
    }

    @TestFactory
    Stream<DynamicTest> ignoreFileReadAll() {
        return ConformanceData.cases("patternmatcher/ignorefile_readall.json").stream().map(c -> {
            String input = c.get("input").asString();
            return DynamicTest.dynamicTest("input " + c.get("input"), () -> assertThat(IgnoreFile.readAll(input.getBytes(StandardCharsets.UTF_8)))
                    .containsExactlyElementsOf(ConformanceData.strings(c.get("expected"))));
        });
    }
}
