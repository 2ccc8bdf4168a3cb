package dev.kiln.core.platform;

import dev.kiln.core.ConformanceData;
import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The shared {@code platforms/*.json} fixtures (containerd/platforms tests). */
class PlatformConformanceTest {

    @BeforeAll
    static void hostIsTheOneTheFixturesAssume() {
        // parse.json resolves omitted OS/architecture for a linux/amd64 host
        assumeTrue(HostPlatform.os().equals("linux") && HostPlatform.arch().equals("amd64"),
                "parse.json defaults are resolved for linux/amd64 hosts");
    }

    private static Platform platform(JsonNode p) {
        return new Platform(p.path("os").asString(""), p.path("architecture").asString(""),
                p.path("variant").asString(""), p.path("os_version").asString(""),
                ConformanceData.strings(p.get("os_features")));
    }

    @TestFactory
    Stream<DynamicTest> parse() {
        return ConformanceData.cases("platforms/parse.json").stream().map(c -> {
            String input = c.get("input").asString();
            return DynamicTest.dynamicTest(input, () -> {
                Platform parsed = Platform.parse(input);
                Platform expected = platform(c.get("expected"));
                assertThat(parsed).isEqualTo(expected);
                PlatformMatcher matcher = PlatformMatcher.onlyStrict(parsed);
                assertThat(matcher.matches(expected)).isTrue();
                for (JsonNode other : c.get("also_matches").values()) {
                    assertThat(matcher.matches(platform(other))).as("matches %s", other).isTrue();
                }
                boolean all = c.get("format_function").asString().equals("FormatAll");
                String formatted = all ? parsed.formatAll() : parsed.format();
                assertThat(formatted).isEqualTo(c.get("formatted").asString());
                Platform reparsed = Platform.parse(formatted);
                assertThat(all ? reparsed.formatAll() : reparsed.format()).isEqualTo(formatted);
            });
        });
    }

    @TestFactory
    Stream<DynamicTest> parseInvalid() {
        return ConformanceData.cases("platforms/parse_invalid.json").stream().map(c -> {
            String input = c.get("input").asString();
            return DynamicTest.dynamicTest("\"" + input + "\"", () -> assertThatThrownBy(() -> Platform.parse(input))
                    .isInstanceOf(KilnException.class)
                    .extracting(e -> ((KilnException) e).kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT));
        });
    }

    @TestFactory
    Stream<DynamicTest> formatAll() {
        return ConformanceData.cases("platforms/format_all.json").stream().map(c -> {
            Platform p = platform(c.get("platform"));
            String expected = c.get("expected").asString();
            return DynamicTest.dynamicTest(expected, () -> {
                assertThat(p.formatAll()).isEqualTo(expected);
                Platform back = Platform.parse(expected);
                assertThat(back.osVersion()).isEqualTo(p.osVersion());
                assertThat(back.osFeatures()).containsExactlyElementsOf(
                        p.osFeatures().stream().filter(f -> !f.isEmpty()).sorted().toList());
            });
        });
    }

    @TestFactory
    Stream<DynamicTest> matchers() {
        return ConformanceData.cases("platforms/matchers.json").stream().map(c -> {
            String kind = c.get("matcher").asString();
            String spec = c.get("platform").asString();
            return DynamicTest.dynamicTest(kind + "(" + spec + ")", () -> {
                PlatformMatcher m = matcher(kind, Platform.parse(spec));
                for (String yes : ConformanceData.strings(c.get("matches"))) {
                    assertThat(m.matches(Platform.parse(yes))).as("%s matches %s", kind, yes).isTrue();
                }
                for (String no : ConformanceData.strings(c.get("does_not_match"))) {
                    assertThat(m.matches(Platform.parse(no))).as("%s does not match %s", kind, no).isFalse();
                }
            });
        });
    }

    private static PlatformMatcher matcher(String kind, Platform p) {
        return switch (kind) {
            case "Only" -> PlatformMatcher.only(p);
            case "OnlyStrict" -> PlatformMatcher.onlyStrict(p);
            case "OnlyOS" -> PlatformMatcher.onlyOS(p);
            case "Ordered" -> PlatformMatcher.ordered(List.of(p));
            case "Any" -> PlatformMatcher.any(List.of(p));
            default -> throw new AssertionError("unknown matcher " + kind);
        };
    }

    @TestFactory
    Stream<DynamicTest> ordering() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : ConformanceData.cases("platforms/ordering.json")) {
            Platform reference = Platform.parse(c.get("platform").asString());
            List<Platform> candidates = ConformanceData.strings(c.get("platforms")).stream().map(Platform::parse).toList();
            List<String> expected = ConformanceData.strings(c.get("expected_order"));
            for (String kind : ConformanceData.strings(c.get("comparers"))) {
                tests.add(DynamicTest.dynamicTest(kind + "(" + c.get("platform").asString() + ")", () ->
                        assertThat(matcher(kind, reference).sort(candidates).stream().map(Platform::formatAll).toList())
                                .isEqualTo(expected)));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> cpuVariantFromArch() {
        return ConformanceData.cases("platforms/cpu_variant_from_arch.json").stream().map(c -> {
            String input = c.get("input").asString();
            return DynamicTest.dynamicTest(input, () -> {
                if (c.path("expected_error").asBoolean(false)) {
                    assertThatThrownBy(() -> CpuVariant.fromArch(input)).isInstanceOf(KilnException.class);
                } else {
                    assertThat(CpuVariant.fromArch(input)).isEqualTo(c.get("expected").asString());
                }
            });
        });
    }
}
