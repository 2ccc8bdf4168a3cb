package dev.kiln.cli;

import dev.kiln.cli.args.ArgParser;
import dev.kiln.cli.args.CommandGroup;
import dev.kiln.cli.args.CommandSpec;
import dev.kiln.cli.args.LeafCommand;
import dev.kiln.cli.args.OptionSpec;
import dev.kiln.cli.args.ParameterSpec;
import dev.kiln.cli.args.Parsed;
import dev.kiln.cli.args.Subcommand;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The help of every command, as {@code kiln ... --help} prints it, names every option the command accepts, and
 * the parser accepts every option the help names: help and parser cannot drift apart.
 */
class CommandHelpTest {
    /** An option name at the start of a help row: {@code -f, --file=PATH} or {@code --load}. */
    private static final Pattern HELP_OPTION =
            Pattern.compile("^ {2}(?:(-\\w)(?:, (--[\\w-]+))?| {4}(--[\\w-]+))(?=[=\\s])", Pattern.MULTILINE);

    private record Command(List<String> path, CommandSpec spec) {
    }

    private static Stream<Command> all(List<String> path, CommandSpec spec) {
        Stream<Command> self = Stream.of(new Command(path, spec));
        if (!(spec instanceof CommandGroup group)) {
            return self;
        }
        return Stream.concat(self, group.subcommands().stream().flatMap(s -> all(append(path, s), s.spec().get())));
    }

    private static List<String> append(List<String> path, Subcommand s) {
        return Stream.concat(path.stream(), Stream.of(s.name())).toList();
    }

    private static List<Command> commands() {
        return all(List.of("kiln"), Main.commands()).toList();
    }

    @Test
    void everyCommandIsReached() {
        assertThat(commands()).extracting(c -> String.join(" ", c.path())).containsExactly("kiln", "kiln help",
                "kiln build", "kiln images", "kiln rmi", "kiln du", "kiln prune", "kiln debug", "kiln debug parse",
                "kiln debug expand", "kiln debug llb");
    }

    @Test
    void helpOfEveryCommand_namesEveryVisibleOptionAndParameter_andNoHiddenOne() {
        for (Command c : commands()) {
            String help = help(c);
            assertThat(help).as(c.path().toString()).startsWith("Usage: " + String.join(" ", c.path()) + " ");
            for (OptionSpec o : c.spec().options()) {
                for (String name : o.names()) {
                    if (o.hidden()) {
                        assertThat(help).as(c.path().toString()).doesNotContain(name);
                    } else {
                        assertThat(help).as(c.path().toString()).containsPattern("(?m)^ .*" + name + "\\b");
                    }
                }
            }
            if (c.spec() instanceof LeafCommand leaf) {
                leaf.parameters().forEach(p -> assertThat(help).as(c.path().toString()).contains(p.label()));
            }
        }
    }

    @Test
    void everyOptionTheHelpNames_isAcceptedByTheParser() {
        for (Command c : commands()) {
            List<String> named = optionsIn(help(c));
            assertThat(named).as(c.path().toString()).contains("--help", "-h", "--version", "-V");
            for (String name : named) {
                Parsed p = ArgParser.parse(c.path(), fresh(c), List.of(name, "value", "--help"));
                assertThat(p).as(c.path() + " " + name).isInstanceOf(name.equals("-V") || name.equals("--version")
                        ? Parsed.ShowVersion.class : Parsed.ShowHelp.class);
            }
        }
    }

    @Test
    void buildHelp_listsBuildxsOptions() {
        String help = CliRun.of("", "build", "--help").out();
        assertThat(optionsIn(help)).containsExactlyInAnyOrder("-f", "--file", "--build-arg", "--target",
                "--platform", "--label", "--no-cache", "--no-cache-filter", "--add-host", "--network", "--root",
                "--config", "-t", "--tag", "-o", "--output", "--load", "--push", "--pull", "--progress", "-q",
                "--quiet", "--iidfile", "--metadata-file", "--shm-size", "--ulimit", "--secret", "--ssh", "--allow",
                "--check", "--format", "-h", "--help", "-V", "--version");
    }

    private static String help(Command c) {
        List<String> args = new ArrayList<>(c.path().subList(1, c.path().size()));
        args.add("--help");
        CliRun r = CliRun.of("", args.toArray(String[]::new));
        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).isEmpty();
        return r.out();
    }

    /** The spec again, as commands write their options into the object the spec was made with. */
    private static CommandSpec fresh(Command c) {
        CommandSpec spec = Main.commands();
        for (String name : c.path().subList(1, c.path().size())) {
            spec = ((CommandGroup) spec).subcommand(name).orElseThrow().spec().get();
        }
        return spec;
    }

    private static List<String> optionsIn(String help) {
        List<String> names = new ArrayList<>();
        Matcher m = HELP_OPTION.matcher(help);
        while (m.find()) {
            Stream.of(m.group(1), m.group(2), m.group(3)).filter(n -> n != null).forEach(names::add);
        }
        return names;
    }
}
