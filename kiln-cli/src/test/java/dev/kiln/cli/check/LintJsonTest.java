package dev.kiln.cli.check;

import dev.kiln.core.SourceLocation;
import dev.kiln.core.json.JacksonOracle;
import dev.kiln.core.json.Json;
import dev.kiln.core.json.RandomValues;
import dev.kiln.core.json.SameJson;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

/**
 * {@code --check --format json} output is what Jackson's default pretty printer wrote. (Jackson writing a String
 * left unpaired surrogates unescaped; text decoded from a Dockerfile has none, see JsonWriterTest.)
 */
class LintJsonTest {
    private static LintJson lint(RandomValues v) {
        return new LintJson(v.list(() -> new LintJson.Warning(v.string(), v.string(), v.string(), v.string(),
                location(v))), v.list(() -> new LintJson.Source(v.string(), v.string(), v.bytes())),
                v.nullable(() -> new LintJson.BuildError(v.string(), location(v))));
    }

    private static LintJson.Location location(RandomValues v) {
        return LintJson.Location.of(v.nullable(() -> {
            int start = v.random().nextInt(1000);
            return new SourceLocation(v.string(), start, start + v.random().nextInt(5));
        }));
    }

    @Test
    void writtenAsJacksonsPrettyPrinterWroteIt() {
        for (int seed = 0; seed < 1500; seed++) {
            LintJson lint = lint(new RandomValues(seed));
            SameJson.assertSame(Json.pretty(lint).getBytes(StandardCharsets.UTF_8),
                    JacksonOracle.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(lint), "lint " + seed);
        }
    }
}
