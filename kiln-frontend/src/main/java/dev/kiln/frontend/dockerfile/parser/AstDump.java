package dev.kiln.frontend.dockerfile.parser;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * BuildKit's {@code Node.Dump()} s-expression format, e.g. {@code (copy ["--from=a"] "foo" "/tmp/")} with one
 * line per instruction. Strings are quoted with Go's {@code strconv.Quote}. Iterative, so deeply nested
 * ONBUILD chains cannot overflow the stack.
 */
public final class AstDump {
    private AstDump() {
    }

    /** The dump of {@code root} without a trailing newline (the conformance files add one). */
    public static String dump(Node root) {
        Deque<Frame> stack = new ArrayDeque<>();
        stack.push(new Frame(root));
        String finished = null;
        while (true) {
            Frame frame = stack.peek();
            if (finished != null) {
                frame.accept(finished);
                finished = null;
            }
            Node pending = frame.advance();
            if (pending != null) {
                stack.push(new Frame(pending));
                continue;
            }
            stack.pop();
            finished = GoText.trimSpace(frame.out.toString());
            if (stack.isEmpty()) {
                return finished;
            }
        }
    }

    /** Dump state of one node: its children first, then its arguments. */
    private static final class Frame {
        private final Node node;
        private final StringBuilder out = new StringBuilder();
        private int child;
        private int arg;
        private boolean waitingForChild;

        Frame(Node node) {
            this.node = node;
            out.append(GoText.toLower(node.value()));
            if (!node.flags().isEmpty()) {
                out.append(' ').append(GoQuote.quoteList(node.flags()));
            }
        }

        /** Appends values until a nested node must be dumped first; returns it, or null when this node is done. */
        Node advance() {
            if (child < node.children().size()) {
                waitingForChild = true;
                return node.children().get(child);
            }
            while (arg < node.next().size()) {
                Node next = node.next().get(arg);
                if (!next.children().isEmpty()) {
                    return next;
                }
                out.append(' ').append(GoQuote.quote(next.value()));
                arg++;
            }
            return null;
        }

        void accept(String nested) {
            if (waitingForChild) {
                out.append('(').append(nested).append(")\n");
                child++;
                waitingForChild = false;
            } else {
                out.append(' ').append(nested);
                arg++;
            }
        }
    }
}
