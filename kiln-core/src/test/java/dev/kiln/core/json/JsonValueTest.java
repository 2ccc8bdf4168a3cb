package dev.kiln.core.json;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Typed access to a parsed tree: Go's strictness about types, Java defaults for what is absent or null. */
class JsonValueTest {
    private static JsonObject object(String json) {
        return Json.read(json.getBytes(StandardCharsets.UTF_8)).asObject();
    }

    @Test
    void absentAndNullMembersGiveJavaDefaults() {
        JsonObject o = object("{\"s\":null,\"n\":null,\"b\":null,\"l\":null}");
        assertThat(o.getString("s")).isNull();
        assertThat(o.getString("missing")).isNull();
        assertThat(o.getLong("n")).isZero();
        assertThat(o.getInt("missing")).isZero();
        assertThat(o.getBoolean("b")).isFalse();
        assertThat(o.getStrings("l")).isNull();
        assertThat(o.get("s")).isNull();
        assertThat(o.has("s")).isTrue();
        assertThat(o.has("missing")).isFalse();
    }

    @Test
    void integersMustBeIntegralAndInRange() {
        assertThat(new JsonNumber("-9223372036854775808").asLong()).isEqualTo(Long.MIN_VALUE);
        assertThat(new JsonNumber("-2147483648").asInt()).isEqualTo(Integer.MIN_VALUE);
        assertThatThrownBy(() -> new JsonNumber("9223372036854775808").asLong())
                .hasMessage("number 9223372036854775808 is out of range for a 64-bit integer");
        assertThatThrownBy(() -> new JsonNumber("2147483648").asInt())
                .hasMessage("number 2147483648 is out of range for a 32-bit integer");
        assertThatThrownBy(() -> new JsonNumber("1.0").asLong()).hasMessage("expected an integer, got 1.0");
        assertThatThrownBy(() -> new JsonNumber("1e3").asInt()).hasMessage("expected an integer, got 1e3");
        assertThat(new JsonNumber("1e3").asDouble()).isEqualTo(1000.0);
    }

    @Test
    void noCoercionBetweenTypes() {
        JsonObject o = object("{\"s\":1,\"n\":\"1\",\"b\":0,\"l\":\"a\",\"m\":{\"k\":1}}");
        assertThatThrownBy(() -> o.getString("s")).isInstanceOf(JsonException.class)
                .hasMessage("s: expected a string, got a number");
        assertThatThrownBy(() -> o.getLong("n")).hasMessage("n: expected a number, got a string");
        assertThatThrownBy(() -> o.getBoolean("b")).hasMessage("b: expected a boolean, got a number");
        assertThatThrownBy(() -> o.getStrings("l")).hasMessage("l: expected an array, got a string");
        assertThatThrownBy(() -> o.getStringMap("m")).hasMessage("m.k: expected a string, got a number");
    }

    @Test
    void errorsNameTheDocumentAndThePathOfTheField() {
        byte[] json = "{\"layers\":[{\"size\":1},{\"size\":\"big\"}]}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Json.parse(json, v -> v.asObject().getList("layers", e -> e.asObject().getLong("size")),
                "image manifest sha256:00"))
                .isInstanceOf(KilnException.class)
                .hasMessage("malformed image manifest sha256:00: layers[1].size: expected a number, got a string")
                .satisfies(e -> assertThat(((KilnException) e).kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT));
        assertThatThrownBy(() -> Json.parse("[[1,\"x\"]]".getBytes(StandardCharsets.UTF_8),
                v -> v.asArray().map(JsonValue::asStrings), "list")).hasMessage("malformed list: [0][0]: expected a string, got a number");
        assertThatThrownBy(() -> Json.parse("null".getBytes(StandardCharsets.UTF_8), JsonValue::asObject, "doc"))
                .hasMessage("malformed doc: expected an object, got null");
    }

    @Test
    void collectionsKeepDocumentOrderAndAreImmutable() {
        JsonObject o = object("{\"l\":[\"b\",\"a\"],\"m\":{\"z\":\"1\",\"a\":\"2\",\"z\":\"3\"}}");
        assertThat(o.getStrings("l")).containsExactly("b", "a");
        assertThat(o.getStringMap("m")).containsExactly(Map.entry("z", "3"), Map.entry("a", "2"));
        assertThatThrownBy(() -> o.getStrings("l").add("c")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> o.getStringMap("m").put("c", "d")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void plainValuesAreJacksonsJavaTypes() {
        Map<String, Object> m = object("{\"m\":{\"i\":1,\"l\":3000000000,\"b\":30000000000000000000,\"d\":1.5,"
                + "\"o\":{},\"a\":[null,true]}}").getPlainMap("m");
        assertThat(m).containsExactly(Map.entry("i", 1), Map.entry("l", 3_000_000_000L),
                Map.entry("b", new BigInteger("30000000000000000000")), Map.entry("d", 1.5), Map.entry("o", Map.of()),
                Map.entry("a", java.util.Arrays.asList(null, true)));
        assertThat(Json.string(m)).isEqualTo("{\"a\":[null,true],\"b\":30000000000000000000,\"d\":1.5,\"i\":1,"
                + "\"l\":3000000000,\"o\":{}}");
        assertThat(List.of(m.get("i").getClass(), m.get("l").getClass()))
                .containsExactly(Integer.class, Long.class);
    }
}
