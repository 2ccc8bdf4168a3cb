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
import java.util.Arrays;
import java.util.List;

/** The {@code kiln} command: parses arguments, runs a subcommand, maps errors to one line and an exit code. */
@Command(name = "kiln", mixinStandardHelpOptions = true, version = "kiln 0.1.0",
        description = "Builds container images from Dockerfiles, BuildKit-compatible, no daemon needed.%n"
                + "Global option: --debug shows stack traces of errors.")
public final class Main implements Runnable {
    static final String DEBUG_PROPERTY = "kiln.debug";
    /**
     * The subcommands, in help order. Only the one named on the command line is given to picocli: building a
     * command's model from its annotations is a noticeable part of start-up. Help and errors get them all.
     */
    private static final List<Class<?>> SUBCOMMANDS = List.of(CommandLine.HelpCommand.class, BuildCommand.class,
            ImagesCommand.class, RmiCommand.class, DuCommand.class, PruneCommand.class, DebugCommand.class);

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
        String[] cliArgs = rest.toArray(String[]::new);
        return newCommandLine(cliArgs).execute(cliArgs);
    }

    static CommandLine newCommandLine(String... args) {
        CommandLine cli = new CommandLine(new Main());
        String named = Arrays.stream(args).filter(a -> !a.startsWith("-")).findFirst().orElse("");
        List<Class<?>> chosen = SUBCOMMANDS.stream()
                .filter(c -> c != CommandLine.HelpCommand.class && names(c).contains(named)).toList();
        (chosen.isEmpty() ? SUBCOMMANDS : chosen).forEach(cli::addSubcommand);
        cli.setExecutionExceptionHandler(Main::handleError);
        cli.setParameterExceptionHandler(Main::handleUsageError);
        return cli;
    }

    private static List<String> names(Class<?> command) {
        Command c = command.getAnnotation(Command.class);
        List<String> names = new ArrayList<>(List.of(c.aliases()));
        names.add(c.name());
        return names;
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
