package dev.kiln.frontend.dockerfile.convert;

import dev.kiln.core.json.JacksonOracle;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the shared BuildKit conformance files in place (conformance/buildkit/README.md §4). */
final class BuildkitFixtures {
    private BuildkitFixtures() {
    }

    static Path file(String relative) {
        String shared = System.getProperty("kiln.shared.dir");
        if (shared == null) {
            throw new IllegalStateException("system property kiln.shared.dir is not set (run through Maven)");
        }
        return Path.of(shared, "conformance", "buildkit", relative);
    }

    /** The {@code cases} of a transcription, checked against its {@code case_count}. */
    static List<JsonNode> cases(String relative) {
        try {
            JsonNode root = JacksonOracle.mapper().readTree(Files.readString(file(relative)));
            List<JsonNode> cases = List.copyOf(root.get("cases").values());
            if (cases.size() != root.get("case_count").asInt()) {
                throw new IllegalStateException(relative + ": case_count does not match the cases");
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    static List<String> strings(JsonNode array) {
        return array == null ? List.of() : array.values().stream().map(JsonNode::asString).toList();
    }

    static Map<String, String> stringMap(JsonNode object) {
        Map<String, String> map = new LinkedHashMap<>();
        if (object != null) {
            object.properties().forEach(e -> map.put(e.getKey(), e.getValue().asString()));
        }
        return map;
    }
}
