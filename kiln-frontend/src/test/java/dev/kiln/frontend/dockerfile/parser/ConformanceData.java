package dev.kiln.frontend.dockerfile.parser;

import dev.kiln.core.json.JacksonOracle;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the shared BuildKit conformance fixtures in place (never copied into the repository). */
public final class ConformanceData {
    private ConformanceData() {
    }

    public static Path root() {
        String shared = System.getProperty("kiln.shared.dir");
        if (shared == null) {
            throw new IllegalStateException("system property kiln.shared.dir is not set (surefire sets it)");
        }
        return Path.of(shared, "conformance", "buildkit");
    }

    public static Path path(String relative) {
        return root().resolve(relative);
    }

    public static byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code cases} array of a JSON transcription. */
    public static List<JsonNode> cases(String relative) {
        JsonNode doc = JacksonOracle.mapper().readTree(bytes(relative));
        List<JsonNode> cases = new ArrayList<>(doc.get("cases").values());
        if (cases.size() != doc.get("case_count").asInt()) {
            throw new IllegalStateException(relative + ": case_count does not match the cases");
        }
        return cases;
    }

    public static List<String> strings(JsonNode array) {
        return array.values().stream().map(JsonNode::stringValue).toList();
    }

    /** Sorted case directory names under a directory of the fixtures. */
    public static List<String> caseDirectories(String relative) {
        try (var entries = Files.list(path(relative))) {
            return entries.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
