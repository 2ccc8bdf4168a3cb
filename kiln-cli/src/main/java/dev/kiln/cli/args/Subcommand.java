package dev.kiln.cli.args;

import java.util.function.Supplier;

/** A named subcommand whose spec (and command object) is made only when the command line names it. */
public record Subcommand(String name, Supplier<CommandSpec> spec) {
}
