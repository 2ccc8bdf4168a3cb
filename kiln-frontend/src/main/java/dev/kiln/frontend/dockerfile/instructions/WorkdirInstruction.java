package dev.kiln.frontend.dockerfile.instructions;

/** {@code WORKDIR path}. */
public record WorkdirInstruction(InstructionInfo info, String path) implements Instruction {
}
