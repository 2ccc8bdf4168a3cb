package dev.kiln.frontend.dockerfile.instructions;

/** {@code ENTRYPOINT ["exec", "form"]} or {@code ENTRYPOINT shell form}; no arguments means "unset". */
public record EntrypointInstruction(InstructionInfo info, CommandLine command) implements Instruction {
}
