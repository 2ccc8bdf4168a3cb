package dev.kiln.frontend.dockerfile.convert;

import dev.kiln.core.KilnException;
import dev.kiln.core.pattern.IgnoreFile;
import dev.kiln.frontend.dockerfile.lint.LintWarning;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * linter/check_cases.json, both ways upstream runs them: as a build of the default target (warnings of the
 * stages it needs, then the build error) and as the lint-only request (every stage). Base images come from
 * {@link StubImages}. {@code build_error_regexp} errors ("failed to compute cache key ... not found") happen
 * when a build runs, not during conversion, so for those only the warnings are compared.
 */
class CheckCasesConformanceTest {
    /**
     * The lint-request lines transcribed for this case (3 and 4) are not lines of its Dockerfile, whose ENV and
     * LABEL are on lines 5 and 6 (as the build path of the same case expects): the lines are not compared.
     */
    private static final Set<String> LINT_REQUEST_LINES_UNUSABLE = Set.of("testLegacyKeyValueFormat#3");

    static List<JsonNode> cases() {
        return BuildkitFixtures.cases("linter/check_cases.json");
    }

    private record Outcome(List<LintWarning> warnings, KilnException error) {
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("cases")
    void buildReportsTheTargetsWarnings(JsonNode c) {
        Conversion conversion = new Conversion(request(c, false));
        KilnException error = null;
        try {
            conversion.run();
        } catch (KilnException e) {
            error = e;
        }
        List<LintWarning> actual = sorted(conversion.warnings());
        assertWarnings(actual, c.get("warnings"), true, true);
        String buildError = BuildkitFixtures.text(c, "build_error");
        if (buildError != null) {
            assertThat(error).as("build error").isNotNull();
            assertThat(error.getMessage()).contains(buildError);
        } else {
            assertThat(error).as("build error").isNull();
        }
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("cases")
    void lintRequestReportsEveryStage(JsonNode c) {
        CheckResult result = DockerfileConverter.check(request(c, true));
        JsonNode expected = c.has("lint_request_warnings") ? c.get("lint_request_warnings") : c.get("warnings");
        boolean lines = !LINT_REQUEST_LINES_UNUSABLE.contains(c.get("id").asString());
        assertWarnings(sorted(result.warnings()), expected, false, lines);
        String buildError = BuildkitFixtures.text(c, "build_error");
        if (buildError != null) {
            assertThat(result.error()).isPresent();
            assertThat(result.error().get().getMessage()).isEqualTo(buildError);
        } else {
            assertThat(result.error()).isEmpty();
        }
    }

    private static ConvertRequest request(JsonNode c, boolean lintOnly) {
        Map<String, String> args = new LinkedHashMap<>();
        BuildkitFixtures.stringMap(c.get("frontend_attrs")).forEach((k, v) -> {
            if (k.startsWith("build-arg:")) {
                args.put(k.substring("build-arg:".length()), v);
            }
        });
        String ignore = BuildkitFixtures.text(c, "dockerignore");
        List<String> patterns = ignore == null ? List.of() : IgnoreFile.readAll(ignore.getBytes(StandardCharsets.UTF_8));
        return ConvertRequest.builder(c.get("dockerfile").asString().getBytes(StandardCharsets.UTF_8))
                .buildArgs(args).context("context", patterns).resolver(new StubImages()).allStages(lintOnly).build();
    }

    private static List<LintWarning> sorted(List<LintWarning> warnings) {
        List<LintWarning> out = new ArrayList<>(warnings);
        out.sort(Comparator.comparingInt((LintWarning w) -> w.location().startLine()).thenComparing(LintWarning::detail));
        return out;
    }

    private static void assertWarnings(List<LintWarning> actual, JsonNode expected, boolean checkShortText,
                                       boolean checkLines) {
        List<String> want = new ArrayList<>();
        for (JsonNode w : expected.values()) {
            String line = w.get("rule").asString() + " | " + w.get("description").asString() + " | "
                    + BuildkitFixtures.text(w, "url") + " | " + w.get("detail").asString()
                    + (checkLines ? " | " + w.get("line").asInt() : "");
            want.add(checkShortText ? line + " | " + w.get("rule").asString() + ": " + w.get("detail").asString()
                    + " (line " + w.get("line").asInt() + ")" : line);
        }
        List<String> got = actual.stream().map(w -> {
            String line = w.rule() + " | " + w.description() + " | " + w.url() + " | " + w.detail()
                    + (checkLines ? " | " + w.location().startLine() : "");
            return checkShortText ? line + " | " + w.shortText() : line;
        }).toList();
        assertThat(got).containsExactlyElementsOf(want);
    }
}
