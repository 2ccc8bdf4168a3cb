package dev.kiln.frontend.dockerfile.instructions;

/** {@code MAINTAINER name} (deprecated). */
public record MaintainerInstruction(InstructionInfo info, String maintainer) implements Instruction {
}
