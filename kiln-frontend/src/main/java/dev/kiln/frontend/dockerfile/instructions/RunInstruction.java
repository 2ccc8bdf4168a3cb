package dev.kiln.frontend.dockerfile.instructions;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code RUN [--mount=...] [--network=...] [--security=...] [--device=...] command}.
 *
 * @param mounts    the raw {@code --mount} values; {@link #mountSpecs} parses them once words can be expanded
 * @param network   {@code default}, {@code none} or {@code host}
 * @param security  {@code sandbox} or {@code insecure}
 * @param flagsUsed names of the flags that were given, sorted
 */
public record RunInstruction(InstructionInfo info, CommandLine command, List<String> mounts, String network,
                             String security, List<DeviceSpec> devices, List<String> flagsUsed) implements Instruction {
    public RunInstruction {
        mounts = List.copyOf(mounts);
        devices = List.copyOf(devices);
        flagsUsed = List.copyOf(flagsUsed);
    }

    /** The mounts with every value expanded by {@code expander}, validated and with BuildKit's defaults. */
    public List<MountSpec> mountSpecs(WordExpander expander) {
        List<MountSpec> specs = new ArrayList<>();
        for (String mount : mounts) {
            specs.add(MountSpec.parse(mount, expander));
        }
        return specs;
    }
}
