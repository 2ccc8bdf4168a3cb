package dev.kiln.frontend.dockerfile.convert.bench;

import dev.kiln.core.json.JacksonOracle;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Prints the score line of a JMH JSON result for {@code bench/frontend-jmh.sh}. */
public final class JmhScore {
    private JmhScore() {
    }

    public static void main(String[] args) throws IOException {
        for (JsonNode run : JacksonOracle.mapper().readTree(Files.readString(Path.of(args[0]))).values()) {
            JsonNode m = run.get("primaryMetric");
            System.out.printf("%s: %.3f ± %.3f %s (target < 50 ms)%n", run.get("benchmark").asString(),
                    m.get("score").asDouble(), m.get("scoreError").asDouble(), m.get("scoreUnit").asString());
        }
    }
}
