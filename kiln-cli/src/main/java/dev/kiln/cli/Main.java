package dev.kiln.cli;

import dev.kiln.cli.args.ArgParser;
import dev.kiln.cli.args.CommandGroup;
import dev.kiln.cli.args.Help;
import dev.kiln.cli.args.HelpCommand;
import dev.kiln.cli.args.Parsed;
import dev.kiln.cli.args.Subcommand;
import dev.kiln.cli.args.UsageException;
import dev.kiln.cli.build.BuildCommand;
import dev.kiln.cli.cache.DuCommand;
import dev.kiln.cli.cache.PruneCommand;
import dev.kiln.cli.debug.DebugCommand;
import dev.kiln.cli.images.ImagesCommand;
import dev.kiln.cli.images.RmiCommand;
import dev.kiln.core.KilnException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** The {@code kiln} command: parses arguments, runs a subcommand, maps errors to one line and an exit code. */
public final class Main {
    static final String VERSION = "kiln 0.1.0";
    private static final List<String> PATH = List.of("kiln");

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /**
     * The subcommands, in help order. Each spec (and command object) is made only when the command line names
     * its command, or for help.
     */
    static CommandGroup commands() {
        return new CommandGroup("Builds container images from Dockerfiles, BuildKit-compatible, no daemon needed.\n"
                + "Global option: --debug shows stack traces of errors.", List.of(
                new Subcommand("help", () -> new HelpCommand(PATH, commands()).spec()),
                new Subcommand("build", () -> new BuildCommand().spec()),
                new Subcommand("images", () -> new ImagesCommand().spec()),
                new Subcommand("rmi", () -> new RmiCommand().spec()),
                new Subcommand("du", () -> new DuCommand().spec()),
                new Subcommand("prune", () -> new PruneCommand().spec()),
                new Subcommand("debug", DebugCommand::spec)));
    }

    /** Runs the CLI; {@code --debug} anywhere turns on stack traces for errors. */
    public static int run(String... args) {
        // BuildKit's output formats (step numbers, line numbers, sizes) do not change with the user's locale.
        Locale.setDefault(Locale.Category.FORMAT, Locale.ROOT);
        List<String> rest = new ArrayList<>(List.of(args));
        boolean debug = rest.remove("--debug") || System.getenv("KILN_DEBUG") != null;
        try {
            return execute(ArgParser.parse(PATH, commands(), rest), debug);
        } catch (UsageException e) {
            System.err.println("kiln: " + e.getMessage());
            return 2;
        }
    }

    private static int execute(Parsed parsed, boolean debug) {
        // Not a pattern switch: its bootstrap would define a class on every start, which the AOT cache cannot hold.
        if (parsed instanceof Parsed.Execute e) {
            return call(e.action(), debug);
        }
        if (parsed instanceof Parsed.ShowHelp h) {
            (h.onStderr() ? System.err : System.out).print(Help.render(h.path(), h.spec()));
        } else {
            System.out.println(VERSION);
        }
        return 0;
    }

    private static int call(Callable<Integer> action, boolean debug) {
        try {
            return action.call();
        } catch (UsageException e) {
            throw e;
        } catch (Exception e) {
            return handleError(e, debug);
        }
    }

    private static int handleError(Exception e, boolean debug) {
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
