package dev.kiln.frontend.dockerfile.parser;

import dev.kiln.core.SourceLocation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * A node of BuildKit's Dockerfile AST. The root node has one child per instruction; an instruction node has
 * its keyword as {@code value} and its arguments in {@code next}; an argument node has a string value, or for
 * ONBUILD a single child holding the nested instruction.
 *
 * @param value    keyword as written (instruction), argument text (argument), or empty (root, ONBUILD holder)
 * @param next     argument nodes in order
 * @param children instructions (root) or the nested instruction (ONBUILD argument)
 * @param flags    the leading {@code --name=value} words as written, quotes already removed
 * @param heredocs here-documents whose bodies followed the instruction
 * @param jsonForm whether the arguments were written as a JSON array (exec form)
 * @param original the instruction line with continuation lines joined
 * @param location file and 1-based inclusive line range of the instruction (arguments share it)
 * @param comments the comment lines directly above the instruction (without {@code #}), in order
 */
public record Node(String value, List<Node> next, List<Node> children, List<String> flags, List<Heredoc> heredocs,
                   boolean jsonForm, String original, SourceLocation location, List<String> comments) {
    public Node {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(original, "original");
        Objects.requireNonNull(location, "location");
        next = List.copyOf(next);
        children = List.copyOf(children);
        flags = List.copyOf(flags);
        heredocs = List.copyOf(heredocs);
        comments = List.copyOf(comments);
    }

    /** An argument node holding just a value. */
    public static Node argument(String value, SourceLocation location) {
        return new Node(value, List.of(), List.of(), List.of(), List.of(), false, "", location, List.of());
    }

    /** An instruction node with plain argument values, e.g. for tools that build an AST by hand. */
    public static Node instruction(String keyword, List<String> args, boolean jsonForm, SourceLocation location) {
        List<Node> next = args.stream().map(a -> argument(a, location)).toList();
        String original = keyword + (args.isEmpty() ? "" : " " + String.join(" ", args));
        return new Node(keyword, next, List.of(), List.of(), List.of(), jsonForm, original, location, List.of());
    }

    public int startLine() {
        return location.startLine();
    }

    public int endLine() {
        return location.endLine();
    }

    /**
     * The argument values, with an ONBUILD's nested instruction flattened into its keyword followed by its own
     * argument values (BuildKit's {@code nodeArgs}).
     */
    public List<String> argumentValues() {
        List<String> values = new ArrayList<>();
        Deque<Iterator<Node>> pending = new ArrayDeque<>();
        pending.push(next.iterator());
        while (!pending.isEmpty()) {
            Iterator<Node> args = pending.peek();
            if (!args.hasNext()) {
                pending.pop();
                continue;
            }
            Node arg = args.next();
            if (arg.children.isEmpty()) {
                values.add(arg.value);
            } else if (arg.children.size() == 1) {
                Node nested = arg.children.getFirst();
                values.add(nested.value);
                pending.push(nested.next.iterator());
            }
        }
        return List.copyOf(values);
    }

    Node withPlacement(SourceLocation where, List<Heredoc> docs, List<String> commentLines) {
        return new Node(value, next, children, flags, docs, jsonForm, original, where, commentLines);
    }
}
