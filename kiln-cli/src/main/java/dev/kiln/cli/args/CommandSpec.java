package dev.kiln.cli.args;

import java.util.List;

/**
 * What a command accepts, declared in code: no annotations, no reflection, so that only the named command's spec
 * is ever built and parsing costs next to nothing at start-up.
 */
public sealed interface CommandSpec permits LeafCommand, CommandGroup {
    /** One or more lines, shown under the usage line. */
    String description();

    /** Every option, {@code --help} and {@code --version} included, in help order. */
    List<OptionSpec> options();
}
