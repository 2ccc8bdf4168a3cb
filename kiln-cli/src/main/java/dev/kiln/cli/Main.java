package dev.kiln.cli;

import dev.kiln.cli.build.BuildCommand;
import dev.kiln.cli.cache.DuCommand;
import dev.kiln.cli.cache.PruneCommand;
import dev.kiln.cli.debug.DebugCommand;
import dev.kiln.cli.images.ImagesCommand;
import dev.kiln.cli.images.RmiCommand;
import dev.kiln.core.KilnException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.ArrayList;
import java.util.List;

/** The {@code kiln} command: parses arguments, runs a subcommand, maps errors to one line and an exit code. */
@Command(name = "kiln", mixinStandardHelpOptions = true, version = "kiln 0.1.0",
        description = "Builds container images from Dockerfiles, BuildKit-compatible, no daemon needed.%n"
                + "Global option: --debug shows stack traces of errors.",
        subcommands = {CommandLine.HelpCommand.class, BuildCommand.class, ImagesCommand.class, RmiCommand.class,
                DuCommand.class, PruneCommand.class, DebugCommand.class})
public final class Main implements Runnable {
    static final String DEBUG_PROPERTY = "kiln.debug";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI; {@code --debug} anywhere turns on stack traces for errors. */
    public static int run(String... args) {
        List<String> rest = new ArrayList<>(List.of(args));
        if (rest.remove("--debug")) {
            System.setProperty(DEBUG_PROPERTY, "true");
        }
        return newCommandLine().execute(rest.toArray(String[]::new));
    }

    static CommandLine newCommandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler(Main::handleError);
        cli.setParameterExceptionHandler(Main::handleUsageError);
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }

    private static int handleUsageError(CommandLine.ParameterException e, String[] args) {
        System.err.println("kiln: " + e.getMessage());
        return 2;
    }

    private static int handleError(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        boolean debug = Boolean.getBoolean(DEBUG_PROPERTY) || System.getenv("KILN_DEBUG") != null;
        if (debug) {
            e.printStackTrace(System.err);
        }
        if (e instanceof KilnException k) {
            System.err.println("ERROR: " + k.userMessage());
            return k.kind().exitCode();
        }
        System.err.println("ERROR: internal error: " + e + (debug ? "" : " (run with --debug for details)"));
        return 1;
    }
}
