package dev.kiln.cli.debug;

import dev.kiln.cli.args.CommandGroup;
import dev.kiln.cli.args.Subcommand;

import java.util.List;

/** {@code kiln debug}: tools that show what the frontend makes of a Dockerfile, without building. */
public final class DebugCommand {
    private DebugCommand() {
    }

    public static CommandGroup spec() {
        return new CommandGroup("Inspect how Kiln reads a Dockerfile (AST, word expansion, build graph).", List.of(
                new Subcommand("parse", () -> new DebugParseCommand().spec()),
                new Subcommand("expand", () -> new DebugExpandCommand().spec()),
                new Subcommand("llb", () -> new DebugLlbCommand().spec())));
    }
}
