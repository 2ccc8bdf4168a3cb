package dev.kiln.core.oci;

import dev.kiln.core.KilnException;
import dev.kiln.core.json.Differential;
import dev.kiln.core.json.JacksonOracle;
import dev.kiln.core.json.Json;
import dev.kiln.core.json.JsonArray;
import dev.kiln.core.json.JsonBoolean;
import dev.kiln.core.json.JsonObject;
import dev.kiln.core.json.JsonString;
import dev.kiln.core.json.JsonValue;
import dev.kiln.core.json.Mutations;
import dev.kiln.core.json.JsonWritable;
import dev.kiln.core.json.RandomValues;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The OCI records' JSON against Jackson with the annotations they used to have: the same bytes written (image
 * digests depend on them), the same values read, also from documents with members reordered and unknown ones added.
 */
class OciJsonTest {
    private static final int SAMPLES = 1000;

    private record Kind<T extends JsonWritable>(Class<T> type, Function<OciSamples, T> sample,
                                                Function<JsonValue, T> reader) {
    }

    private static final List<Kind<?>> KINDS = List.of(
            new Kind<>(Descriptor.class, OciSamples::descriptor, Descriptor::fromJson),
            new Kind<>(Index.class, OciSamples::index, Index::fromJson),
            new Kind<>(Manifest.class, OciSamples::manifest, Manifest::fromJson),
            new Kind<>(ImageConfig.class, OciSamples::imageConfig, ImageConfig::fromJson));

    @Test
    void writtenAsJacksonWroteThem() {
        for (Kind<?> kind : KINDS) {
            for (int seed = 0; seed < SAMPLES; seed++) {
                JsonWritable value = kind.sample().apply(new OciSamples(new RandomValues(seed)));
                Differential.assertWritesAlike(value, JacksonOracle.mapper(), kind.type().getSimpleName() + " " + seed);
            }
        }
    }

    @Test
    void readAsJacksonReadsThem() {
        for (Kind<?> kind : KINDS) {
            readAlike(kind);
        }
    }

    private static <T extends JsonWritable> void readAlike(Kind<T> kind) {
        for (int seed = 0; seed < SAMPLES; seed++) {
            T value = kind.sample().apply(new OciSamples(new RandomValues(seed)));
            byte[] json = JacksonOracle.mapper().writeValueAsBytes(value);
            String label = kind.type().getSimpleName() + " " + seed;
            Differential.assertReadsAlike(json, kind.reader(), kind.type(), JacksonOracle.mapper(), label);
            Differential.assertReadsAlike(Differential.reshaped(json, JacksonOracle.mapper(), new Random(seed)),
                    kind.reader(), kind.type(), JacksonOracle.mapper(), label + " reshaped");
        }
    }

    /** Mutated documents: each type's reader answers with a value or a KilnException, nothing else. */
    @Test
    void hostileDocumentsGiveKilnExceptionsOnly() {
        for (Kind<?> kind : KINDS) {
            for (int seed = 0; seed < SAMPLES; seed++) {
                byte[] json = Json.bytes(kind.sample().apply(new OciSamples(new RandomValues(seed))));
                byte[] mutant = Mutations.mutate(json, new Random(seed));
                try {
                    Json.parse(mutant, kind.reader(), "mutant");
                } catch (KilnException expected) {
                    assertThat(expected.getMessage()).startsWith("malformed mutant: ");
                }
            }
        }
    }

    /** Every member of a document in turn given a value of another JSON type: the error names that member. */
    @Test
    void aMemberOfTheWrongTypeIsNamedWhereverItIs() {
        ImageConfig config = new ImageConfig("c", "a", "amd64", "linux", "10", "v8", new ContainerConfig("u",
                Map.of("80/tcp", Map.of()), List.of("A=1"), List.of("sh"), List.of("-c"), Map.of("/v", Map.of()), "/w",
                Map.of("k", "v"), "SIGTERM", true, new ContainerConfig.Healthcheck(List.of("CMD"), 1, 2, 3, 4, 5),
                List.of("RUN x"), List.of("/bin/sh")), new ImageConfig.RootFs("layers", List.of("sha256:00")),
                List.of(new ImageConfig.History("t", "by", "me", "c", true)));
        JsonObject tree = Json.read(Json.bytes(config)).asObject();
        List<Leaf> leaves = new ArrayList<>();
        leaves(tree, List.of(), "", leaves);
        assertThat(leaves).hasSize(29);
        for (Leaf leaf : leaves) {
            JsonValue wrong = leaf.value() instanceof JsonBoolean ? new JsonString("x") : JsonBoolean.TRUE;
            @SuppressWarnings("unchecked")
            byte[] json = Json.bytes((Map<String, ?>) replaced(tree, leaf.steps(), wrong).toPlain());
            assertThatThrownBy(() -> Json.parse(json, ImageConfig::fromJson, "image config"))
                    .as(leaf.path()).isInstanceOf(KilnException.class)
                    .hasMessageStartingWith("malformed image config: " + leaf.path() + ": expected ");
        }
    }

    /** A member that is neither object nor array: the steps to it, and its path as error messages write it. */
    private record Leaf(List<String> steps, String path, JsonValue value) {
    }

    private static void leaves(JsonValue v, List<String> steps, String path, List<Leaf> out) {
        switch (v) {
            case JsonObject o -> o.members().forEach((k, m) ->
                    leaves(m, append(steps, k), path.isEmpty() ? k : path + "." + k, out));
            case JsonArray a -> {
                for (int i = 0; i < a.elements().size(); i++) {
                    leaves(a.elements().get(i), append(steps, "[" + i + "]"), path + "[" + i + "]", out);
                }
            }
            default -> out.add(new Leaf(steps, path, v));
        }
    }

    private static List<String> append(List<String> list, String element) {
        List<String> out = new ArrayList<>(list);
        out.add(element);
        return out;
    }

    private static JsonValue replaced(JsonValue v, List<String> path, JsonValue with) {
        if (path.isEmpty()) {
            return with;
        }
        String step = path.getFirst();
        List<String> rest = path.subList(1, path.size());
        if (step.startsWith("[")) {
            List<JsonValue> elements = new ArrayList<>(v.asArray().elements());
            int i = Integer.parseInt(step.substring(1, step.length() - 1));
            elements.set(i, replaced(elements.get(i), rest, with));
            return new JsonArray(elements);
        }
        Map<String, JsonValue> members = new LinkedHashMap<>(v.asObject().members());
        members.put(step, replaced(members.get(step), rest, with));
        return new JsonObject(members);
    }

    @Test
    void aFieldOfTheWrongTypeIsNamed() {
        byte[] json = "{\"schemaVersion\":2,\"config\":{\"digest\":\"sha256:00\",\"size\":\"12\"}}"
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Json.parse(json, Manifest::fromJson, "image manifest sha256:ab"))
                .isInstanceOf(KilnException.class)
                .hasMessage("malformed image manifest sha256:ab: config.size: expected a number, got a string");
        byte[] config = "{\"config\":{\"Env\":[\"A=1\",2]}}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Json.parse(config, ImageConfig::fromJson, "image config"))
                .hasMessage("malformed image config: config.Env[1]: expected a string, got a number");
    }

    /** Go leaves a field at its zero value for JSON null; Jackson 3 rejects null for a primitive. */
    @Test
    void nullMembersAreAbsent() {
        byte[] json = "{\"mediaType\":null,\"size\":null,\"annotations\":null,\"platform\":null}"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(Json.parse(json, Descriptor::fromJson, "descriptor"))
                .isEqualTo(new Descriptor(null, null, 0, null, null));
    }

    @Test
    void foreignValuesInExposedPortsAreKept() {
        byte[] json = "{\"ExposedPorts\":{\"80/tcp\":{},\"53/udp\":{\"x\":[1,2.5,null]}}}".getBytes(StandardCharsets.UTF_8);
        ContainerConfig c = Json.parse(json, ContainerConfig::fromJson, "config");
        assertThat(c.exposedPorts()).containsEntry("80/tcp", Map.of());
        assertThat(Json.string(c)).isEqualTo("{\"ExposedPorts\":{\"53/udp\":{\"x\":[1,2.5,null]},\"80/tcp\":{}},"
                + "\"ArgsEscaped\":false}");
    }
}
