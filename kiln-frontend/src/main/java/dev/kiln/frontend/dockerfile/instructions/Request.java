package dev.kiln.frontend.dockerfile.instructions;

import dev.kiln.frontend.dockerfile.parser.GoText;
import dev.kiln.frontend.dockerfile.parser.Heredoc;
import dev.kiln.frontend.dockerfile.parser.Node;

import java.util.List;

/** One AST node on its way to a typed instruction (BuildKit's {@code parseRequest}). */
final class Request {
    private final Node node;
    private final List<String> args;
    private final BuilderFlags flags;

    Request(Node node) {
        this.node = node;
        this.args = node.argumentValues();
        this.flags = new BuilderFlags(node.flags());
    }

    List<String> args() {
        return args;
    }

    BuilderFlags flags() {
        return flags;
    }

    boolean json() {
        return node.jsonForm();
    }

    List<Heredoc> heredocs() {
        return node.heredocs();
    }

    String original() {
        return node.original();
    }

    List<String> comments() {
        return node.comments();
    }

    InstructionInfo info() {
        return new InstructionInfo(node.value(), GoText.trimSpace(node.original()), node.location(), node.comments());
    }

    /** Exec form keeps the words; shell form joins them with one space (BuildKit's {@code handleJSONArgs}). */
    List<String> commandWords() {
        if (args.isEmpty()) {
            return List.of();
        }
        return json() ? args : List.of(String.join(" ", args));
    }
}
