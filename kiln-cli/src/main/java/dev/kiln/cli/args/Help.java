package dev.kiln.cli.args;

import java.util.ArrayList;
import java.util.List;

/**
 * A command's help, picocli-like: the usage line, the description, then parameters and options in an aligned
 * two-column list (wrapped at 80 columns) and, for a group, its subcommands.
 */
public final class Help {
    private static final int WIDTH = 80;
    /** Option names wider than this put their description on the next line. */
    private static final int MAX_NAMES = 24;

    private Help() {
    }

    /** The help of the command that {@code path} names, say {@code [kiln, debug, llb]}. */
    public static String render(List<String> path, CommandSpec spec) {
        StringBuilder out = new StringBuilder("Usage: ").append(String.join(" ", path)).append(" [OPTIONS]");
        List<Row> rows = new ArrayList<>();
        if (spec instanceof LeafCommand leaf) {
            leaf.options().stream().filter(OptionSpec::required).forEach(o -> out.append(' ').append(synopsis(o)));
            leaf.parameters().forEach(p -> out.append(' ').append(p.synopsis()));
            leaf.parameters().forEach(p -> rows.add(new Row("    " + p.synopsis(), p.description())));
        } else {
            out.append(" COMMAND");
        }
        out.append('\n').append(spec.description()).append('\n');
        spec.options().stream().filter(o -> !o.hidden()).forEach(o -> rows.add(new Row(names(o), o.description())));
        table(out, rows);
        if (spec instanceof CommandGroup group) {
            out.append("Commands:\n");
            table(out, group.subcommands().stream().map(s -> new Row(s.name(), summary(s))).toList());
        }
        return out.toString();
    }

    /** The first line of a subcommand's description. */
    private static String summary(Subcommand s) {
        return s.spec().get().description().lines().findFirst().orElse("");
    }

    private record Row(String names, String description) {
    }

    private static String synopsis(OptionSpec o) {
        return o.displayName() + (o.label().isEmpty() ? "" : "=" + o.label());
    }

    /** {@code -f, --file=PATH}; long names line up under each other whether or not there is a short one. */
    private static String names(OptionSpec o) {
        String shortName = o.names().stream().filter(n -> !n.startsWith("--")).findFirst().orElse("");
        List<String> longNames = o.names().stream().filter(n -> n.startsWith("--")).toList();
        String label = o.label().isEmpty() ? "" : "=" + o.label();
        if (longNames.isEmpty()) {
            return shortName + label;
        }
        return (shortName.isEmpty() ? "    " : shortName + ", ") + String.join(", ", longNames) + label;
    }

    private static void table(StringBuilder out, List<Row> rows) {
        int column = rows.stream().mapToInt(r -> r.names().length()).filter(n -> n <= MAX_NAMES).max().orElse(0);
        String indent = " ".repeat(2 + column + 2);
        for (Row row : rows) {
            out.append("  ").append(row.names());
            if (row.names().length() > column) {
                out.append('\n').append(indent);
            } else {
                out.append(" ".repeat(column - row.names().length() + 2));
            }
            wrap(out, row.description(), indent);
        }
    }

    /**
     * Appends {@code text} broken at spaces so that no line passes {@link #WIDTH}; later lines get {@code indent}
     * and two more spaces, to set them apart from the next row.
     */
    private static void wrap(StringBuilder out, String text, String indent) {
        String more = indent + "  ";
        int room = Math.max(20, WIDTH - indent.length());
        int used = 0;
        for (String word : text.split(" ")) {
            if (used > 0 && used + 1 + word.length() > room) {
                out.append('\n').append(more);
                room = Math.max(20, WIDTH - more.length());
                used = 0;
            } else if (used > 0) {
                out.append(' ');
                used++;
            }
            out.append(word);
            used += word.length();
        }
        out.append('\n');
    }
}
