package dev.kiln.frontend.dockerfile.instructions;

import dev.kiln.core.KilnException;
import dev.kiln.frontend.dockerfile.parser.ConformanceData;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** instructions/builder_flags.json: declared flags, given words, resulting values and used set. */
class BuilderFlagsTest {
    @TestFactory
    Stream<DynamicTest> flagsMatchUpstream() {
        return ConformanceData.cases("instructions/builder_flags.json").stream()
                .map(c -> DynamicTest.dynamicTest(c.get("args").toString(), () -> check(c)));
    }

    private static void check(JsonNode c) {
        BuilderFlags flags = new BuilderFlags(ConformanceData.strings(c.get("args")));
        Map<String, BuilderFlags.Flag> declared = new LinkedHashMap<>();
        for (JsonNode d : c.get("defined").values()) {
            String name = d.get("name").stringValue();
            declared.put(name, switch (d.get("type").stringValue()) {
                case "bool" -> flags.addBool(name, d.get("default").asBoolean());
                case "string" -> flags.addString(name, d.get("default").stringValue());
                default -> throw new AssertionError("unknown flag type " + d);
            });
        }
        if (!c.get("ok").asBoolean()) {
            assertThatThrownBy(flags::parse).isInstanceOf(KilnException.class);
            return;
        }
        flags.parse();
        c.path("expected").forEachEntry((name, expected) -> {
            BuilderFlags.Flag flag = declared.get(name);
            if (expected.has("value")) {
                assertThat(flag.value()).as(name).isEqualTo(expected.get("value").asString());
            }
            if (expected.has("used")) {
                assertThat(flags.isUsed(name)).as(name).isEqualTo(expected.get("used").asBoolean());
            }
        });
        if (c.has("expected_used_sorted")) {
            assertThat(flags.used()).isEqualTo(ConformanceData.strings(c.get("expected_used_sorted")));
        }
    }
}
