package dev.kiln.frontend.dockerfile.instructions;

import java.util.List;

/** {@code LABEL key=value ...}. */
public record LabelInstruction(InstructionInfo info, List<KeyValuePair> labels) implements Instruction {
    public LabelInstruction {
        labels = List.copyOf(labels);
    }
}
