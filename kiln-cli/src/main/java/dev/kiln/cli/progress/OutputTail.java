package dev.kiln.cli.progress;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** Keeps the last lines a process printed, for the error message of a failed step. */
final class OutputTail {
    private final int maxLines;
    private final Deque<String> lines = new ArrayDeque<>();
    private final StringBuilder partial = new StringBuilder();

    OutputTail(int maxLines) {
        this.maxLines = maxLines;
    }

    synchronized void add(byte[] chunk) {
        for (char c : new String(chunk, StandardCharsets.UTF_8).toCharArray()) {
            if (c == '\n') {
                push(partial.toString());
                partial.setLength(0);
            } else if (c != '\r') {
                partial.append(c);
            }
        }
    }

    synchronized List<String> lines() {
        Deque<String> copy = new ArrayDeque<>(lines);
        if (!partial.isEmpty()) {
            copy.addLast(partial.toString());
            if (copy.size() > maxLines) {
                copy.removeFirst();
            }
        }
        return List.copyOf(copy);
    }

    private void push(String line) {
        lines.addLast(line);
        if (lines.size() > maxLines) {
            lines.removeFirst();
        }
    }
}
