package dev.kiln.cli;

import dev.kiln.cli.debug.DebugCommand;
import dev.kiln.core.KilnException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code kiln} command: parses arguments, runs a subcommand, maps errors to one line and an exit code. */
@Command(name = "kiln", mixinStandardHelpOptions = true, version = "kiln 0.1.0",
        description = "Builds container images from Dockerfiles, BuildKit-compatible, no daemon needed.",
        subcommands = {CommandLine.HelpCommand.class, DebugCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        CommandLine cli = newCommandLine();
        return cli.execute(args);
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
        boolean debug = Boolean.getBoolean("kiln.debug") || System.getenv("KILN_DEBUG") != null;
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
