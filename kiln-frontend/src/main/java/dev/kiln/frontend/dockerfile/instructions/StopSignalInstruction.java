package dev.kiln.frontend.dockerfile.instructions;

/** {@code STOPSIGNAL signal}. */
public record StopSignalInstruction(InstructionInfo info, String signal) implements Instruction {
}
