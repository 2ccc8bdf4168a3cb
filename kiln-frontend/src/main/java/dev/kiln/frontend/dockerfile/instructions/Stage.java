package dev.kiln.frontend.dockerfile.instructions;

import dev.kiln.core.SourceLocation;

import java.util.List;

/** A build stage: its FROM and the instructions up to the next FROM. */
public record Stage(FromInstruction from, List<Instruction> commands) {
    public Stage {
        commands = List.copyOf(commands);
    }

    /** The lower-cased stage name, or empty for an unnamed stage. */
    public String name() {
        return from.stageName();
    }

    public String baseName() {
        return from.baseName();
    }

    /** The unexpanded {@code --platform} value, or empty. */
    public String platform() {
        return from.platform();
    }

    public SourceLocation location() {
        return from.location();
    }

    /** The stage description from its doc comment, or empty. */
    public String comment() {
        return from.comment();
    }
}
