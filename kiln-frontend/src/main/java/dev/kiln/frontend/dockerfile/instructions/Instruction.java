package dev.kiln.frontend.dockerfile.instructions;

import dev.kiln.core.SourceLocation;

/**
 * A typed Dockerfile instruction (BuildKit's {@code instructions} package). Words are kept raw: variable
 * expansion and quote removal happen later, in the converter.
 */
public sealed interface Instruction permits AddInstruction, ArgInstruction, CmdInstruction, CopyInstruction,
        EntrypointInstruction, EnvInstruction, ExposeInstruction, FromInstruction, HealthcheckInstruction,
        LabelInstruction, MaintainerInstruction, OnbuildInstruction, RunInstruction, ShellInstruction,
        StopSignalInstruction, UserInstruction, VolumeInstruction, WorkdirInstruction {

    InstructionInfo info();

    default SourceLocation location() {
        return info().location();
    }

    /** The instruction name in lower case ({@code run}), whatever its case in the file. */
    default String name() {
        return info().name();
    }
}
