package dev.kiln.cli.args;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Parses a command line against {@link CommandSpec}s: {@code --name value}, {@code --name=value}, {@code -x value},
 * {@code -xvalue}, {@code -x=value}, clustered short flags ({@code -qt NAME}), {@code --flag=false}, options and
 * parameters in any order, {@code --} ending the options and {@code -} as a value. A group takes its own options,
 * then the name of a subcommand, whose spec alone is then made and given the arguments that follow.
 */
public final class ArgParser {
    private final List<String> path;
    private final CommandSpec spec;
    private final List<String> args;
    /**
     * By identity: a record's hashCode is linked through an invokedynamic bootstrap the AOT cache does not keep,
     * which spins method handles on every start (measured: 7 ms of interpreted code on the way to the build).
     */
    private final Set<OptionSpec> given = Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<String> positionals = new ArrayList<>();
    private int next;

    private ArgParser(List<String> path, CommandSpec spec, List<String> args) {
        this.path = path;
        this.spec = spec;
        this.args = args;
    }

    /**
     * Parses {@code args} for the command {@code path} (say {@code [kiln]}), handing the values to the sinks of
     * the named command's options and parameters.
     *
     * @throws UsageException for an unknown option or command, a missing or bad value, or a wrong parameter count
     */
    public static Parsed parse(List<String> path, CommandSpec spec, List<String> args) {
        return new ArgParser(List.copyOf(path), spec, List.copyOf(args)).parse();
    }

    private Parsed parse() {
        boolean optionsEnded = false;
        while (next < args.size()) {
            String arg = args.get(next++);
            if (!optionsEnded && arg.equals("--")) {
                optionsEnded = true;
            } else if (optionsEnded || !isOptionLike(arg)) {
                if (spec instanceof CommandGroup group) {
                    return subcommand(group, arg);
                }
                positionals.add(arg);
            } else {
                Optional<Parsed> early = arg.startsWith("--") ? longOption(arg) : shortOptions(arg);
                if (early.isPresent()) {
                    return early.get();
                }
            }
        }
        return finish();
    }

    private static boolean isOptionLike(String arg) {
        return arg.length() > 1 && arg.startsWith("-");
    }

    private Optional<Parsed> longOption(String arg) {
        int eq = arg.indexOf('=');
        OptionSpec option = find(eq < 0 ? arg : arg.substring(0, eq))
                .orElseThrow(() -> new UsageException("Unknown option: '" + arg + "'"));
        return apply(option, eq < 0 ? null : arg.substring(eq + 1));
    }

    /** {@code -t}, {@code -tNAME}, {@code -t=NAME}, or clustered flags, perhaps ending in one that takes a value. */
    private Optional<Parsed> shortOptions(String arg) {
        for (int at = 1; at < arg.length(); at++) {
            OptionSpec option = find("-" + arg.charAt(at))
                    .orElseThrow(() -> new UsageException("Unknown option: '" + arg + "'"));
            String rest = arg.substring(at + 1);
            if (option.takesValue() || rest.startsWith("=")) {
                return apply(option, rest.isEmpty() ? null : rest.startsWith("=") ? rest.substring(1) : rest);
            }
            Optional<Parsed> early = apply(option, null);
            if (early.isPresent()) {
                return early;
            }
        }
        return Optional.empty();
    }

    private Optional<OptionSpec> find(String name) {
        return spec.options().stream().filter(o -> o.names().contains(name)).findFirst();
    }

    /** Gives the option its value: {@code attached} when given with it, else for a value option the next argument. */
    private Optional<Parsed> apply(OptionSpec option, String attached) {
        return switch (option.kind()) {
            case HELP -> Optional.of(new Parsed.ShowHelp(path, spec, false));
            case VERSION -> Optional.of(new Parsed.ShowVersion());
            case FLAG, VALUE, REPEATABLE -> {
                if (!given.add(option) && option.kind() != OptionSpec.Kind.REPEATABLE) {
                    throw new UsageException("option " + describe(option) + " should be specified only once");
                }
                String value = option.takesValue() ? (attached != null ? attached : valueAfter(option))
                        : flagValue(option, attached);
                give(option, value);
                yield Optional.empty();
            }
        };
    }

    private String valueAfter(OptionSpec option) {
        if (next >= args.size()) {
            throw new UsageException("Missing required parameter for option " + describe(option));
        }
        String value = args.get(next);
        if (value.equals("--") || isKnownOption(value)) {
            throw new UsageException("Expected parameter for option '" + option.displayName() + "' but found '"
                    + value + "'");
        }
        next++;
        return value;
    }

    private boolean isKnownOption(String arg) {
        int eq = arg.indexOf('=');
        return isOptionLike(arg) && find(arg.startsWith("--") && eq > 0 ? arg.substring(0, eq) : arg).isPresent();
    }

    private static String flagValue(OptionSpec option, String attached) {
        if (attached == null || attached.equalsIgnoreCase("true")) {
            return "true";
        }
        if (attached.equalsIgnoreCase("false")) {
            return "false";
        }
        throw new UsageException("Invalid value for option '" + option.displayName() + "': '" + attached
                + "' is not a boolean");
    }

    private static void give(OptionSpec option, String value) {
        try {
            option.sink().accept(value);
        } catch (IllegalArgumentException e) {
            throw invalid("option '" + option.displayName() + "'", value, e);
        }
    }

    private static UsageException invalid(String what, String value, IllegalArgumentException e) {
        return new UsageException("Invalid value for " + what + ": '" + value + "'"
                + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
    }

    private static String describe(OptionSpec option) {
        return "'" + option.displayName() + "'" + (option.label().isEmpty() ? "" : " (" + option.label() + ")");
    }

    private Parsed subcommand(CommandGroup group, String name) {
        Subcommand sub = group.subcommand(name)
                .orElseThrow(() -> new UsageException("Unknown command: '" + name + "'"));
        List<String> subPath = Stream.concat(path.stream(), Stream.of(name)).toList();
        return new ArgParser(subPath, sub.spec().get(), args.subList(next, args.size())).parse();
    }

    /**
     * Not a pattern switch over the sealed spec: its bootstrap defines a class at run time, which the AOT cache
     * does not hold, costing milliseconds on every start.
     */
    private Parsed finish() {
        if (!(spec instanceof LeafCommand leaf)) {
            return new Parsed.ShowHelp(path, spec, true);
        }
        leaf.options().stream().filter(o -> o.required() && !given.contains(o)).findFirst().ifPresent(o -> {
            throw new UsageException("Missing required option: '" + o.displayName() + "'");
        });
        assignParameters(leaf.parameters());
        return new Parsed.Execute(leaf.action());
    }

    private void assignParameters(List<ParameterSpec> parameters) {
        int at = 0;
        for (ParameterSpec p : parameters) {
            int count = p.repeatable() ? positionals.size() - at : Math.min(1, positionals.size() - at);
            if (count == 0 && p.required()) {
                throw new UsageException("Missing required parameter: '" + p.label() + "'");
            }
            for (String value : positionals.subList(at, at + count)) {
                try {
                    p.sink().accept(value);
                } catch (IllegalArgumentException e) {
                    throw invalid("parameter '" + p.label() + "'", value, e);
                }
            }
            at += count;
        }
        if (at < positionals.size()) {
            throw new UsageException("Unexpected argument: '" + positionals.get(at) + "'");
        }
    }
}
