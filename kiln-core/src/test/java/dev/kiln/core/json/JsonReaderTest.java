package dev.kiln.core.json;

import org.junit.jupiter.api.Test;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.ObjectWriter;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link JsonReader} against Jackson: the same values from valid documents, and malformed ones rejected. */
class JsonReaderTest {
    private static final int SAMPLES = 3000;

    /** Jackson's reading of {@code json} into plain Java values, which {@link JsonValue#toPlain} mirrors. */
    static Object jackson(byte[] json) {
        return JacksonOracle.mapper().readValue(json, Object.class);
    }

    /**
     * Reads {@code json} with both parsers and expects the same values. The one known difference: Jackson rejects an
     * escaped unpaired surrogate in a member name (it accepts one in a string value); Kiln reads both alike.
     */
    static void assertReadAlike(byte[] json, String label) {
        Object expected;
        try {
            expected = jackson(json);
        } catch (tools.jackson.core.JacksonException e) {
            assertThat(e.getMessage()).as(label).containsPattern("surrogate.* in property name");
            assertThat(Json.read(json)).as(label).isNotNull();
            return;
        }
        assertThat(Json.read(json).toPlain()).as(label).isEqualTo(expected);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The same values, in the forms Jackson can write them: compact, indented, every non-ASCII char escaped. */
    @Test
    void validDocumentsReadAsJacksonReadsThem() {
        List<ObjectWriter> writers = List.of(JacksonOracle.mapper().writer(),
                JacksonOracle.mapper().writerWithDefaultPrettyPrinter(),
                JacksonOracle.mapper().writer().with(JsonWriteFeature.ESCAPE_NON_ASCII));
        for (int seed = 0; seed < SAMPLES; seed++) {
            Object value = new RandomValues(seed).untyped(4);
            for (ObjectWriter writer : writers) {
                assertReadAlike(writer.writeValueAsBytes(value), "seed " + seed);
            }
        }
    }

    @Test
    void edgeCasesReadAsJacksonReadsThem() {
        for (String json : List.of("0", "-0", "-0.0", "1E2", "1e-2", "1.5E+3", "2147483647", "2147483648",
                "-2147483649", "9223372036854775807", "9223372036854775808", "123456789012345678901234567890",
                "1e400", "1e-400", "\"\\u00e9\\uD83D\\uDE00\\ud800\\/\\b\\f\\n\\r\\t\\\"\\\\\"", " \t\r\n[ ] ", "{}",
                "{\"a\":1,\"b\":2,\"a\":3}", "\ufeff{\"bom\":true}", "[null,true,false,\"\"]", "\"\u2028</\"", "{\"\\ud800\":1}")) {
            assertReadAlike(utf8(json), json);
        }
    }

    @Test
    void malformedDocumentsAreRejectedLikeJacksonRejectsThem() {
        List<String> malformed = List.of("", " ", "{", "[", "]", "}", "{\"a\"}", "{\"a\":}", "{\"a\":1,}", "[1,]",
                "[1 2]", "{\"a\" 1}", "{a:1}", "{'a':1}", "'a'", "[01]", "[-]", "[1.]", "[.5]", "[+1]", "[1e]",
                "[1e+]", "[NaN]", "[Infinity]", "[-Infinity]", "[tru]", "[nul]", "[True]", "\"abc", "\"\\x\"",
                "\"\\u12G4\"", "\"\\u12\"", "\"a\tb\"", "\"a\nb\"", "\"\u0000\"", "/* c */ []", "[] // c", "[]]",
                "[] []", "{}x", "[1,,2]", "[,1]", "{,}", "{\"a\":1 \"b\":2}", "\"\\");
        for (String json : malformed) {
            assertRejected(utf8(json), json);
        }
    }

    @Test
    void malformedUtf8IsRejected() {
        int[][] sequences = {{0x80}, {0xBF}, {0xC0, 0x80}, {0xC1, 0xBF}, {0xC2}, {0xC2, 0x41}, {0xE0, 0x80, 0x80},
                {0xE0, 0x9F, 0xBF}, {0xED, 0xA0, 0x80}, {0xED, 0xBF, 0xBF}, {0xE2, 0x82}, {0xF0, 0x80, 0x80, 0x80},
                {0xF0, 0x8F, 0xBF, 0xBF}, {0xF4, 0x90, 0x80, 0x80}, {0xF5, 0x80, 0x80, 0x80}, {0xFF}, {0xFE}};
        for (int[] sequence : sequences) {
            byte[] json = new byte[sequence.length + 2];
            json[0] = '"';
            for (int i = 0; i < sequence.length; i++) {
                json[i + 1] = (byte) sequence[i];
            }
            json[json.length - 1] = '"';
            assertThatThrownBy(() -> Json.read(json)).as(java.util.Arrays.toString(sequence))
                    .isInstanceOf(JsonException.class).hasMessageContaining("invalid UTF-8");
        }
        assertThat(Json.read(new byte[]{'"', (byte) 0xF4, (byte) 0x8F, (byte) 0xBF, (byte) 0xBF, '"'}).asString())
                .isEqualTo(new String(Character.toChars(0x10FFFF)));
    }

    /** RFC 8259 requires UTF-8 between systems; Jackson would guess UTF-16 and UTF-32 from the NUL bytes. */
    @Test
    void onlyUtf8IsRead() {
        for (java.nio.charset.Charset cs : List.of(StandardCharsets.UTF_16BE, StandardCharsets.UTF_16LE,
                java.nio.charset.Charset.forName("UTF-32BE"))) {
            byte[] json = "[1]".getBytes(cs);
            assertThat(jackson(json)).isEqualTo(List.of(1));
            assertThatThrownBy(() -> Json.read(json)).isInstanceOf(JsonException.class);
        }
    }

    @Test
    void nestingIsLimited() {
        String ok = "[".repeat(JsonReader.MAX_DEPTH) + "]".repeat(JsonReader.MAX_DEPTH);
        assertThat(Json.read(utf8(ok))).isInstanceOf(JsonArray.class);
        String deep = "[".repeat(JsonReader.MAX_DEPTH + 1) + "]".repeat(JsonReader.MAX_DEPTH + 1);
        assertThatThrownBy(() -> Json.read(utf8(deep))).isInstanceOf(JsonException.class)
                .hasMessageContaining("nested deeper than 256 levels");
        String deepObjects = "{\"a\":".repeat(100_000);
        assertThatThrownBy(() -> Json.read(utf8(deepObjects))).isInstanceOf(JsonException.class);
    }

    @Test
    void syntaxErrorsSayWhere() {
        assertThatThrownBy(() -> Json.read(utf8("{\n  \"a\": 1,\n}")))
                .hasMessage("line 3, column 1: expected a member name in double quotes, got '}'");
        assertThatThrownBy(() -> Json.read(utf8("[1] x"))).hasMessage("line 1, column 5: unexpected 'x' after the JSON value");
        assertThatThrownBy(() -> Json.read(utf8("[\"a\tb\"]")))
                .hasMessage("line 1, column 4: control character byte 0x09 in a string must be escaped");
        assertThatThrownBy(() -> Json.parse(utf8("{"), JsonValue::asObject, "image index sha256:ab"))
                .isInstanceOf(dev.kiln.core.KilnException.class)
                .hasMessage("malformed image index sha256:ab: line 1, column 2: expected a member name in double quotes, "
                        + "got end of input");
    }

    static void assertRejected(byte[] json, String label) {
        assertThatThrownBy(() -> Json.read(json)).as(label).isInstanceOf(JsonException.class);
        assertThatThrownBy(() -> jackson(json)).as("Jackson: " + label).isInstanceOf(tools.jackson.core.JacksonException.class);
    }

    /** A deliberately long document whose values are all read the same way. */
    @Test
    void largeDocumentsReadAsJacksonReadsThem() {
        List<Object> many = new ArrayList<>();
        RandomValues v = new RandomValues(42);
        for (int i = 0; i < 2000; i++) {
            many.add(v.untyped(3));
        }
        assertReadAlike(JacksonOracle.mapper().writeValueAsBytes(many), "large");
    }
}
