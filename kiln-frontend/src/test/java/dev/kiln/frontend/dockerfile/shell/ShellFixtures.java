package dev.kiln.frontend.dockerfile.shell;

import dev.kiln.core.json.JacksonOracle;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the shared BuildKit shell fixtures in place (see conformance/buildkit/README.md §2–4). */
final class ShellFixtures {
    private ShellFixtures() {
    }

    static Path file(String name) {
        String shared = System.getProperty("kiln.shared.dir");
        if (shared == null) {
            throw new IllegalStateException("system property kiln.shared.dir is not set (run through Maven)");
        }
        return Path.of(shared, "conformance", "buildkit", "shell", name);
    }

    static List<String> lines(String name) {
        try {
            return Files.readAllLines(file(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<JsonNode> cases(String name) {
        try {
            JsonNode root = JacksonOracle.mapper().readTree(Files.readString(file(name)));
            List<JsonNode> cases = List.copyOf(root.get("cases").values());
            if (cases.size() != root.get("case_count").asInt()) {
                throw new IllegalStateException(name + ": case_count does not match the cases");
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> strings(JsonNode array) {
        return array == null ? List.of() : array.values().stream().map(JsonNode::asString).toList();
    }

    static Map<String, String> stringMap(JsonNode object) {
        Map<String, String> map = new LinkedHashMap<>();
        object.properties().forEach(e -> map.put(e.getKey(), e.getValue().asString()));
        return map;
    }
}
