package dev.kiln.core;

import dev.kiln.core.json.JacksonOracle;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads the shared BuildKit conformance JSON files in place (conformance/buildkit/README.md §4). */
public final class ConformanceData {
    private ConformanceData() {
    }

    /** The {@code cases} of {@code conformance/buildkit/<relative>}, checked against its {@code case_count}. */
    public static List<JsonNode> cases(String relative) {
        String shared = System.getProperty("kiln.shared.dir");
        if (shared == null) {
            throw new IllegalStateException("system property kiln.shared.dir is not set (run through Maven)");
        }
        try {
            JsonNode root = JacksonOracle.mapper().readTree(Files.readString(Path.of(shared, "conformance", "buildkit", relative)));
            List<JsonNode> cases = List.copyOf(root.get("cases").values());
            if (cases.size() != root.get("case_count").asInt()) {
                throw new IllegalStateException(relative + ": case_count does not match the cases");
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<String> strings(JsonNode array) {
        return array == null || array.isNull() ? List.of() : array.values().stream().map(JsonNode::asString).toList();
    }
}
