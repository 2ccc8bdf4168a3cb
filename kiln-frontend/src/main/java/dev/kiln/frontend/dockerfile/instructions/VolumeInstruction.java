package dev.kiln.frontend.dockerfile.instructions;

import java.util.List;

/** {@code VOLUME path ...} or {@code VOLUME ["path", ...]}; each path trimmed. */
public record VolumeInstruction(InstructionInfo info, List<String> volumes) implements Instruction {
    public VolumeInstruction {
        volumes = List.copyOf(volumes);
    }
}
