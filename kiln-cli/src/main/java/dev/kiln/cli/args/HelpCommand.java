package dev.kiln.cli.args;

import java.util.ArrayList;
import java.util.List;

/** {@code kiln help [COMMAND...]}: the help of the top-level command, or of the (sub)command named. */
public final class HelpCommand {
    private final List<String> rootPath;
    private final CommandGroup root;
    private final List<String> names = new ArrayList<>();

    public HelpCommand(List<String> rootPath, CommandGroup root) {
        this.rootPath = List.copyOf(rootPath);
        this.root = root;
    }

    public LeafCommand spec() {
        Options o = new Options();
        o.parameters("COMMAND", "The command to show the help of, say 'build' or 'debug llb'.", false, names::add);
        return o.command("Display help information about the specified command.", this::call);
    }

    private int call() {
        List<String> path = new ArrayList<>(rootPath);
        CommandSpec spec = root;
        for (String name : names) {
            if (!(spec instanceof CommandGroup group)) {
                throw new UsageException("Unexpected argument: '" + name + "'");
            }
            spec = group.subcommand(name).orElseThrow(() -> new UsageException("Unknown command: '" + name + "'"))
                    .spec().get();
            path.add(name);
        }
        System.out.print(Help.render(path, spec));
        return 0;
    }
}
