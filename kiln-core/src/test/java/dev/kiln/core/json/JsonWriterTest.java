package dev.kiln.core.json;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link JsonWriter} against Jackson configured as Kiln's mapper was: the same bytes for every kind of field. */
class JsonWriterTest {
    private static final int SAMPLES = 3000;
    /** Fewer: a sample holds several others, with long strings, in all a few hundred kilobytes. */
    private static final int RECORD_SAMPLES = 800;

    enum Mode { BIND, CACHE_MOUNT }

    /** One field of every kind the product's records have, written in declaration order as Jackson does. */
    record Sample(String s, long l, int i, boolean b, Integer boxedInt, Long boxedLong, BigInteger big, Mode mode,
                  byte[] data, List<String> strings, List<Long> longs, List<Sample> children,
                  Map<String, String> labels, Map<String, Object> plain, Sample child) implements JsonWritable {
        @Override
        public void writeJson(JsonWriter w) {
            w.beginObject().field("s", s).field("l", l).field("i", i).field("b", b).field("boxedInt", boxedInt)
                    .field("boxedLong", boxedLong).field("big", big).field("mode", mode).field("data", data)
                    .field("strings", strings).field("longs", longs).field("children", children)
                    .field("labels", labels).field("plain", plain).field("child", child).endObject();
        }

        static Sample random(RandomValues v, int depth) {
            return new Sample(v.string(), v.anyLong(), v.anyInt(), v.chance(50), v.boxedInt(), v.boxedLong(),
                    v.nullable(() -> BigInteger.valueOf(v.anyLong()).shiftLeft(v.random().nextInt(70))),
                    v.nullable(() -> v.pick(List.of(Mode.values()))), v.bytes(), v.strings(), v.list(v::anyLong),
                    depth <= 0 ? null : v.list(() -> random(v, depth - 1)), v.stringMap(),
                    v.map(() -> v.untyped(2)), depth <= 0 ? null : v.nullable(() -> random(v, depth - 1)));
        }
    }

    @Test
    void recordsAreWrittenAsJacksonWritesThem() {
        for (int seed = 0; seed < RECORD_SAMPLES; seed++) {
            Sample sample = Sample.random(new RandomValues(seed), 1);
            SameJson.assertSame(Json.bytes(sample), JacksonOracle.mapper().writeValueAsBytes(sample), "seed " + seed);
        }
    }

    /**
     * Compared with Jackson writing bytes: Jackson writing a String leaves unpaired surrogates unescaped (a console
     * then prints them as '?'); Kiln escapes them in both forms. Text decoded from UTF-8 never has them.
     */
    @Test
    void prettyOutputIsJacksonsDefaultPrettyPrinter() {
        for (int seed = 0; seed < RECORD_SAMPLES; seed++) {
            Sample sample = Sample.random(new RandomValues(seed), 1);
            SameJson.assertSame(Json.pretty(sample).getBytes(StandardCharsets.UTF_8),
                    JacksonOracle.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(sample), "seed " + seed);
        }
    }

    @Test
    void plainValuesAreWrittenAsJacksonWritesThem() {
        for (int seed = 0; seed < SAMPLES; seed++) {
            Object value = new RandomValues(seed).untyped(4);
            List<Object> wrapped = new ArrayList<>();
            wrapped.add(value);
            SameJson.assertSame(Json.bytes(wrapped), JacksonOracle.mapper().writeValueAsBytes(wrapped), "seed " + seed);
        }
    }

    /** Every UTF-16 code unit, alone and between others, and every way surrogates can be paired or not. */
    @Test
    void everyCharIsEscapedAsJacksonEscapesIt() {
        List<String> strings = new ArrayList<>();
        for (int i = 0; i <= Character.MAX_VALUE; i++) {
            char c = (char) i;
            strings.add(String.valueOf(c));
            strings.add("a" + c + "\u00e9" + c);
        }
        strings.add("\uD83D\uDE00");
        strings.add("\uDE00\uD83D");
        strings.add("\uD83D\uD83D\uDE00");
        strings.add("\uD83D\uDE00\uDE00");
        strings.add("x\uD83D");
        strings.add("\uDBFF\uDFFF\uD800\uDC00");
        SameJson.assertSame(Json.bytes(strings), JacksonOracle.mapper().writeValueAsBytes(strings), "strings");
        Map<String, String> asKeys = new TreeMap<>();
        strings.forEach(s -> asKeys.put(s, s));
        SameJson.assertSame(Json.bytes(asKeys), JacksonOracle.mapper().writeValueAsBytes(asKeys), "keys");
    }

    @Test
    void doublesAreWrittenAsJacksonWritesThem() {
        RandomValues v = new RandomValues(7);
        List<Object> doubles = new ArrayList<>(List.of(0.0, -0.0, 1.0, 0.1, 1e7, 1e-3, 1e-4, 1e21, 1e22, Double.MIN_VALUE,
                Double.MAX_VALUE, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
        for (int i = 0; i < SAMPLES; i++) {
            doubles.add(Double.longBitsToDouble(v.random().nextLong()));
            doubles.add(v.random().nextDouble() * Math.pow(10, v.random().nextInt(60) - 30));
        }
        SameJson.assertSame(Json.string(doubles), JacksonOracle.mapper().writeValueAsString(doubles), "doubles");
    }

    @Test
    void emptyContainersAtTheTopAreWritten() {
        assertThat(Json.string(List.of())).isEqualTo("[]");
        assertThat(Json.string(Map.of())).isEqualTo("{}");
        assertThat(Json.pretty(w -> w.beginObject().endObject())).isEqualTo("{ }");
    }

    @Test
    void misuseIsAProgrammingError() {
        assertThatThrownBy(() -> JsonWriter.compact().beginObject().value("no name"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> JsonWriter.compact().beginArray().name("x")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> JsonWriter.compact().value(new Object())).isInstanceOf(IllegalArgumentException.class);
    }
}
