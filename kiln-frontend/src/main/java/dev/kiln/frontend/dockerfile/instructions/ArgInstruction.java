package dev.kiln.frontend.dockerfile.instructions;

import java.util.List;

/** {@code ARG name[=default] ...}. */
public record ArgInstruction(InstructionInfo info, List<ArgDefinition> args) implements Instruction {
    public ArgInstruction {
        args = List.copyOf(args);
    }
}
