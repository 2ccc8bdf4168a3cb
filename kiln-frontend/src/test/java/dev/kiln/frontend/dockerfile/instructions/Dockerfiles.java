package dev.kiln.frontend.dockerfile.instructions;

import dev.kiln.core.SourceLocation;
import dev.kiln.frontend.dockerfile.parser.ConformanceData;
import dev.kiln.frontend.dockerfile.parser.DockerfileParser;
import dev.kiln.frontend.dockerfile.parser.Node;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;

/** Test helpers: parse text, or build a node from a fixture's {@code ast_node}. */
final class Dockerfiles {
    private Dockerfiles() {
    }

    static Node root(String text) {
        return DockerfileParser.parse(text.getBytes(StandardCharsets.UTF_8), "Dockerfile").root();
    }

    /** The typed first instruction of {@code text}. */
    static Instruction first(String text) {
        return InstructionParser.parse(root(text).children().getFirst());
    }

    /** The node of a fixture case: its {@code dockerfile}'s first instruction or its hand-built {@code ast_node}. */
    static Node node(JsonNode c) {
        if (c.has("dockerfile")) {
            return root(c.get("dockerfile").stringValue()).children().getFirst();
        }
        JsonNode ast = c.get("ast_node");
        return Node.instruction(ast.get("value").stringValue(), ConformanceData.strings(ast.get("args")), false,
                SourceLocation.line("Dockerfile", 1));
    }
}
