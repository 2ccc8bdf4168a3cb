package dev.kiln.cli.args;

import java.util.List;
import java.util.function.Consumer;

/**
 * One option: its names ({@code -t}, {@code --tag}), the label of its value ({@code NAME[:TAG]}, empty for flags),
 * and the sink that takes each value ({@code "true"} or {@code "false"} for flags).
 */
public record OptionSpec(List<String> names, String label, String description, Kind kind, boolean required,
                         boolean hidden, Consumer<String> sink) {

    public enum Kind {
        /** No value, or {@code --flag=true|false}; at most once. */
        FLAG,
        /** One value; at most once. */
        VALUE,
        /** One value per occurrence, any number of occurrences. */
        REPEATABLE,
        /** {@code --help}: shows the command's help instead of running it. */
        HELP,
        /** {@code --version}: prints Kiln's version instead of running the command. */
        VERSION
    }

    /** The options every command has. */
    static final List<OptionSpec> STANDARD = List.of(
            new OptionSpec(List.of("-h", "--help"), "", "Show this help message and exit.", Kind.HELP, false, false,
                    v -> { }),
            new OptionSpec(List.of("-V", "--version"), "", "Print version information and exit.", Kind.VERSION,
                    false, false, v -> { }));

    public OptionSpec {
        names = List.copyOf(names);
        if (names.isEmpty() || !names.stream().allMatch(OptionSpec::wellFormed)) {
            throw new IllegalArgumentException("option names must be -x or --name: " + names);
        }
    }

    /** {@code -x} or {@code --name}: no regular expression, as specs are made on every start. */
    private static boolean wellFormed(String name) {
        boolean isShort = name.length() == 2 && name.charAt(0) == '-' && name.charAt(1) != '-';
        boolean isLong = name.length() > 2 && name.startsWith("--") && name.charAt(2) != '-' && name.indexOf('=') < 0;
        return isShort || isLong;
    }

    /** The name errors mention: the long one when there is one, as it says the most. */
    String displayName() {
        return names.getLast();
    }

    boolean takesValue() {
        return kind == Kind.VALUE || kind == Kind.REPEATABLE;
    }
}
