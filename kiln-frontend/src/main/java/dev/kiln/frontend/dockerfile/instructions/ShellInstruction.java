package dev.kiln.frontend.dockerfile.instructions;

import java.util.List;

/** {@code SHELL ["executable", "params"]} (JSON form only). */
public record ShellInstruction(InstructionInfo info, List<String> shell) implements Instruction {
    public ShellInstruction {
        shell = List.copyOf(shell);
    }
}
