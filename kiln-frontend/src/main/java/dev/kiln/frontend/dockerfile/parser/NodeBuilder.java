package dev.kiln.frontend.dockerfile.parser;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.core.SourceLocation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns one logical instruction line into an AST node, choosing the argument syntax by keyword as BuildKit's
 * dispatch table does. Unknown keywords still parse (with one empty argument); rejecting them is the
 * instruction layer's job. Throws INVALID_ARGUMENT without location; the caller adds it.
 */
final class NodeBuilder {
    private static final Set<String> HEREDOC_INSTRUCTIONS = Set.of("add", "copy", "run");
    private static final long NESTED_TEXT_ALLOWANCE = 1 << 20;

    private record Arguments(List<String> values, boolean json) {
        static final Arguments NONE = new Arguments(List.of(), false);
    }

    private final char escape;
    private final SourceLocation location;

    NodeBuilder(char escape, SourceLocation location) {
        this.escape = escape;
        this.location = location;
    }

    /**
     * The node for {@code line}; a chain of ONBUILD prefixes is unrolled without recursion. Each nested
     * instruction keeps its own copy of the rest of the line, so the total copied is bounded: only absurdly
     * deep ONBUILD chains on long lines hit the limit (BuildKit rejects ONBUILD ONBUILD anyway).
     */
    Node build(String line, List<String> comments) {
        List<SplitCommand> chain = new ArrayList<>();
        List<String> originals = new ArrayList<>();
        long budget = 4L * line.length() + NESTED_TEXT_ALLOWANCE;
        String current = line;
        while (true) {
            SplitCommand split = SplitCommand.of(current);
            chain.add(split);
            originals.add(current);
            if (!GoText.toLower(split.keyword()).equals("onbuild") || split.args().isEmpty()) {
                break;
            }
            current = split.args();
            budget -= current.length();
            if (budget < 0) {
                throw new KilnException(ErrorKind.INVALID_ARGUMENT, "ONBUILD instructions are nested too deeply");
            }
        }
        int last = chain.size() - 1;
        Node node = leaf(chain.get(last), originals.get(last), last == 0 ? comments : List.of());
        for (int i = last - 1; i >= 0; i--) {
            SplitCommand outer = chain.get(i);
            Node holder = new Node("", List.of(), List.of(node), List.of(), List.of(), false, "", location, List.of());
            node = new Node(outer.keyword(), List.of(holder), List.of(), outer.flags(), List.of(), false,
                    originals.get(i), location, i == 0 ? comments : List.of());
        }
        return node;
    }

    /** Whether heredoc bodies follow this instruction: RUN/COPY/ADD (also under ONBUILD) in shell form. */
    static boolean canContainHeredoc(Node node) {
        Node target = node;
        if (GoText.toLower(node.value()).equals("onbuild") && !node.next().isEmpty()
                && !node.next().getFirst().children().isEmpty()) {
            target = node.next().getFirst().children().getFirst();
        }
        return HEREDOC_INSTRUCTIONS.contains(GoText.toLower(target.value())) && !target.jsonForm();
    }

    private Node leaf(SplitCommand split, String original, List<String> comments) {
        Arguments args = arguments(GoText.toLower(split.keyword()), split.args());
        List<Node> next = args.values().stream().map(v -> Node.argument(v, location)).toList();
        return new Node(split.keyword(), next, List.of(), split.flags(), List.of(), args.json(), original, location,
                comments);
    }

    private Arguments arguments(String keyword, String rest) {
        return switch (keyword) {
            case "add", "copy", "volume" -> maybeJsonToList(rest);
            case "arg" -> new Arguments(ArgumentSyntax.words(rest, escape), false);
            case "cmd", "entrypoint", "run", "shell" -> maybeJson(rest);
            case "env" -> new Arguments(ArgumentSyntax.nameValues("ENV", rest, escape), false);
            case "label" -> new Arguments(ArgumentSyntax.nameValues("LABEL", rest, escape), false);
            case "expose", "from" -> whitespaceDelimited(rest);
            case "healthcheck" -> healthcheck(rest);
            case "maintainer", "stopsignal", "user", "workdir" -> rest.isEmpty() ? Arguments.NONE
                    : new Arguments(List.of(rest), false);
            case "onbuild" -> Arguments.NONE; // only reached with no arguments: build() unrolls the rest
            default -> new Arguments(List.of(""), false);
        };
    }

    private static Arguments maybeJson(String rest) {
        if (rest.isEmpty()) {
            return Arguments.NONE;
        }
        Optional<List<String>> json = ArgumentSyntax.jsonArray(rest);
        return json.map(v -> new Arguments(v, true)).orElseGet(() -> new Arguments(List.of(rest), false));
    }

    private static Arguments maybeJsonToList(String rest) {
        Optional<List<String>> json = ArgumentSyntax.jsonArray(rest);
        return json.map(v -> new Arguments(v, true)).orElseGet(() -> whitespaceDelimited(rest));
    }

    private static Arguments whitespaceDelimited(String rest) {
        if (rest.isEmpty()) {
            return Arguments.NONE;
        }
        return new Arguments(ArgumentSyntax.goSplit(ArgumentSyntax.ASCII_WHITESPACE, rest, -1), false);
    }

    /** {@code HEALTHCHECK TYPE rest}: the type word (cut byte-wise like upstream), then rest as CMD would be. */
    private static Arguments healthcheck(String rest) {
        byte[] bytes = GoText.encode(rest);
        int sep = 0;
        while (sep < bytes.length && !GoText.isSpace(bytes[sep] & 0xFF)) {
            sep++;
        }
        int next = sep;
        while (next < bytes.length && GoText.isSpace(bytes[next] & 0xFF)) {
            next++;
        }
        if (sep == 0) {
            return Arguments.NONE;
        }
        Arguments command = maybeJson(GoText.decode(bytes, next, bytes.length));
        List<String> values = new ArrayList<>();
        values.add(GoText.decode(bytes, 0, sep));
        values.addAll(command.values());
        return new Arguments(values, command.json());
    }
}
