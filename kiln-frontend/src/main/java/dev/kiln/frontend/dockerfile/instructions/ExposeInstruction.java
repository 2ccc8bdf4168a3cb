package dev.kiln.frontend.dockerfile.instructions;

import java.util.List;

/** {@code EXPOSE port[/proto] ...}; the raw words, sorted by their bytes as BuildKit does. */
public record ExposeInstruction(InstructionInfo info, List<String> ports) implements Instruction {
    public ExposeInstruction {
        ports = List.copyOf(ports);
    }
}
