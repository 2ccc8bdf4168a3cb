package dev.kiln.cli.args;

import java.util.List;
import java.util.concurrent.Callable;

/** What a parsed command line asks for. */
public sealed interface Parsed {
    /** Run a command whose options and parameters were given to it. */
    record Execute(Callable<Integer> action) implements Parsed {
    }

    /**
     * Show the help of the command named by {@code path} (say {@code kiln debug llb}): on stdout when asked for,
     * on stderr when a command group was given no subcommand.
     */
    record ShowHelp(List<String> path, CommandSpec spec, boolean onStderr) implements Parsed {
        public ShowHelp {
            path = List.copyOf(path);
        }
    }

    /** Print the version. */
    record ShowVersion() implements Parsed {
    }
}
