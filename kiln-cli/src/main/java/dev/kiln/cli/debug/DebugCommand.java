package dev.kiln.cli.debug;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code kiln debug}: tools that show what the frontend makes of a Dockerfile, without building. */
@Command(name = "debug", mixinStandardHelpOptions = true,
        description = "Inspect how Kiln reads a Dockerfile (AST, word expansion, build graph).",
        subcommands = {DebugParseCommand.class, DebugExpandCommand.class, DebugLlbCommand.class})
public final class DebugCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }
}
