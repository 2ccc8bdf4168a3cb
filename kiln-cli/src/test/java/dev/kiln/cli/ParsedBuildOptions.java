package dev.kiln.cli;

import dev.kiln.cli.args.ArgParser;
import dev.kiln.cli.args.Options;

import java.util.List;

/** {@link BuildOptions} filled from a command line, as {@code kiln build} would fill them. */
public final class ParsedBuildOptions {
    private ParsedBuildOptions() {
    }

    public static BuildOptions of(String... args) {
        BuildOptions options = new BuildOptions();
        Options o = new Options();
        options.declare(o);
        ArgParser.parse(List.of("kiln", "test"), o.command("Test.", () -> 0), List.of(args));
        return options;
    }
}
