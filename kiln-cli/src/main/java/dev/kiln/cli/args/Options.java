package dev.kiln.cli.args;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Collects a command's options and parameters, in help order, then makes its {@link LeafCommand}:
 * <pre>{@code
 * o.option("-t", "--tag").values("NAME[:TAG]", "Name and optionally a tag for the image.", tags::add);
 * o.option("--no-cache").flag("Do not use cache when building the image.", v -> noCache = v);
 * o.parameter("CONTEXT", "Build context directory.", v -> context = v);
 * return o.command("Build an image from a Dockerfile.", this::call);
 * }</pre>
 */
public final class Options {
    private final List<OptionSpec> options = new ArrayList<>();
    private final List<ParameterSpec> parameters = new ArrayList<>();
    private final Set<String> names = new HashSet<>(List.of("-h", "--help", "-V", "--version"));

    /** Starts declaring an option with these names: {@code -x} and/or {@code --name}. */
    public Builder option(String... names) {
        return new Builder(List.of(names));
    }

    /** A required positional parameter taking one value. */
    public void parameter(String label, String description, Consumer<String> sink) {
        parameters.add(new ParameterSpec(label, description, true, false, sink));
    }

    /** A positional parameter taking all remaining values, at least one unless {@code required} is false. */
    public void parameters(String label, String description, boolean required, Consumer<String> sink) {
        parameters.add(new ParameterSpec(label, description, required, true, sink));
    }

    /** The command with everything declared so far, {@code --help} and {@code --version} last. */
    public LeafCommand command(String description, Callable<Integer> action) {
        List<OptionSpec> all = new ArrayList<>(options);
        all.addAll(OptionSpec.STANDARD);
        return new LeafCommand(description, all, parameters, action);
    }

    /** A sink for a comma-separated list ({@code --platform linux/amd64,linux/arm64}) adding each item. */
    public static Consumer<String> commaSeparated(List<String> into) {
        return v -> into.addAll(Arrays.asList(v.split(",")));
    }

    /** One option being declared; a value method ends the declaration. */
    public final class Builder {
        private final List<String> names;
        private boolean required;
        private boolean hidden;

        private Builder(List<String> names) {
            this.names = names;
        }

        /** The command fails with a usage error when the option is not given. */
        public Builder required() {
            required = true;
            return this;
        }

        /** Accepted but not shown in the help. */
        public Builder hidden() {
            hidden = true;
            return this;
        }

        /** An option without a value: {@code true} when given ({@code --flag=false} gives false). */
        public void flag(String description, Consumer<Boolean> sink) {
            add("", description, OptionSpec.Kind.FLAG, v -> sink.accept(Boolean.parseBoolean(v)));
        }

        /** An option with one value, given at most once. */
        public void value(String label, String description, Consumer<String> sink) {
            add(label, description, OptionSpec.Kind.VALUE, sink);
        }

        /** An option with one value per occurrence, repeatable. */
        public void values(String label, String description, Consumer<String> sink) {
            add(label, description, OptionSpec.Kind.REPEATABLE, sink);
        }

        private void add(String label, String description, OptionSpec.Kind kind, Consumer<String> sink) {
            for (String name : names) {
                if (!Options.this.names.add(name)) {
                    throw new IllegalStateException("option " + name + " is declared twice");
                }
            }
            options.add(new OptionSpec(names, label, description, kind, required, hidden, sink));
        }
    }
}
