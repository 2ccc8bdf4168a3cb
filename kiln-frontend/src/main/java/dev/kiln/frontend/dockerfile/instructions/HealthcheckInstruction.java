package dev.kiln.frontend.dockerfile.instructions;

/** {@code HEALTHCHECK [--interval=...] CMD ...} or {@code HEALTHCHECK NONE}. */
public record HealthcheckInstruction(InstructionInfo info, HealthConfig health) implements Instruction {
}
