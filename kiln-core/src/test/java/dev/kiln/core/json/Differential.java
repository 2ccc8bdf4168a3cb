package dev.kiln.core.json;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** Differential checks of a type's JSON code against a Jackson oracle configured as Kiln's mapper was. */
public final class Differential {
    private Differential() {
    }

    /** Kiln writes {@code value} with the bytes Jackson writes for it. */
    public static void assertWritesAlike(JsonWritable value, JsonMapper oracle, String label) {
        SameJson.assertSame(Json.bytes(value), oracle.writeValueAsBytes(value), label);
    }

    /**
     * Kiln's {@code reader} and Jackson read {@code json} into equal values. Jackson rejects an escaped unpaired
     * surrogate in a member name (see JsonReaderTest); then only Kiln's reading is checked.
     */
    public static <T> void assertReadsAlike(byte[] json, Function<JsonValue, T> reader, Class<T> type,
                                            JsonMapper oracle, String label) {
        T ours = Json.parse(json, reader, label);
        T theirs;
        try {
            theirs = oracle.readValue(json, type);
        } catch (JacksonException e) {
            assertThat(e.getMessage()).as(label).containsPattern("surrogate.* in property name");
            return;
        }
        assertThat(ours).as(label).isEqualTo(theirs);
    }

    /**
     * {@code json} (an object) with its objects' members shuffled and unknown members added: what a document from
     * another tool may look like, which readers must not mind. The unknown member of the top object has an object
     * value; deeper ones, which may land in a map of strings, a string value. Unchanged when Jackson cannot read it.
     */
    public static byte[] reshaped(byte[] json, JsonMapper oracle, Random random) {
        JsonNode tree;
        try {
            tree = oracle.readTree(json);
        } catch (JacksonException e) {
            return json;
        }
        ObjectNode top = (ObjectNode) reshape(tree, oracle, random);
        top.set("x-unknown-object", oracle.readTree("{\"n\":[1,{\"m\":null}],\"s\":\"x\"}"));
        return oracle.writeValueAsBytes(top);
    }

    private static JsonNode reshape(JsonNode node, JsonMapper oracle, Random random) {
        if (node.isArray()) {
            List<JsonNode> elements = new ArrayList<>();
            node.values().forEach(e -> elements.add(reshape(e, oracle, random)));
            return oracle.createArrayNode().addAll(elements);
        }
        if (!node.isObject()) {
            return node;
        }
        List<String> names = new ArrayList<>(node.propertyNames());
        names.add("x-unknown-" + random.nextInt(100));
        Collections.shuffle(names, random);
        ObjectNode out = oracle.createObjectNode();
        for (String name : names) {
            JsonNode v = node.get(name);
            out.set(name, v == null ? oracle.getNodeFactory().stringNode("x") : reshape(v, oracle, random));
        }
        return out;
    }
}
