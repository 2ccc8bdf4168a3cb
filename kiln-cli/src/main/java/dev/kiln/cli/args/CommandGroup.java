package dev.kiln.cli.args;

import java.util.List;
import java.util.Optional;

/** A command whose first argument names one of its subcommands; alone, it shows its usage. */
public record CommandGroup(String description, List<Subcommand> subcommands) implements CommandSpec {
    public CommandGroup {
        subcommands = List.copyOf(subcommands);
    }

    @Override
    public List<OptionSpec> options() {
        return OptionSpec.STANDARD;
    }

    public Optional<Subcommand> subcommand(String name) {
        return subcommands.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
