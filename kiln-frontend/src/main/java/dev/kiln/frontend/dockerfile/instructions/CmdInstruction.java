package dev.kiln.frontend.dockerfile.instructions;

/** {@code CMD ["exec", "form"]} or {@code CMD shell form}. */
public record CmdInstruction(InstructionInfo info, CommandLine command) implements Instruction {
}
