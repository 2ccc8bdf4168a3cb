package dev.kiln.frontend.dockerfile.instructions;

import java.util.List;

/** {@code ENV key=value ...} (or legacy {@code ENV key value}). */
public record EnvInstruction(InstructionInfo info, List<KeyValuePair> env) implements Instruction {
    public EnvInstruction {
        env = List.copyOf(env);
    }
}
