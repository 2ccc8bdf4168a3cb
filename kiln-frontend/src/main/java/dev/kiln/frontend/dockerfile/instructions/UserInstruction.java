package dev.kiln.frontend.dockerfile.instructions;

/** {@code USER user[:group]}. */
public record UserInstruction(InstructionInfo info, String user) implements Instruction {
}
