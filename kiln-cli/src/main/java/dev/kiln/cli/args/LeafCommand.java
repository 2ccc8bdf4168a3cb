package dev.kiln.cli.args;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * A command that runs: its options and positional parameters write into the command object through their sinks,
 * then {@code action} runs and returns the exit code. Made by {@link Options#command}.
 */
public record LeafCommand(String description, List<OptionSpec> options, List<ParameterSpec> parameters,
                          Callable<Integer> action) implements CommandSpec {
    public LeafCommand {
        options = List.copyOf(options);
        parameters = List.copyOf(parameters);
    }
}
