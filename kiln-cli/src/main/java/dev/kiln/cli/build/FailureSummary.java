package dev.kiln.cli.build;

import dev.kiln.core.SourceLocation;
import dev.kiln.solver.VertexError;

import java.io.PrintStream;
import java.util.List;

/**
 * BuildKit's summary of a failed step: the step's last output lines, then the Dockerfile lines it
 * came from with the failing ones marked {@code >>>}.
 */
final class FailureSummary {
    private static final int CONTEXT_LINES = 2;

    private final PrintStream err;
    private final List<String> sourceLines;

    FailureSummary(PrintStream err, List<String> sourceLines) {
        this.err = err;
        this.sourceLines = sourceLines;
    }

    void print(VertexError e, List<String> tail) {
        err.println("------");
        err.println(" > " + e.vertexName() + ":");
        tail.forEach(err::println);
        err.println("------");
        e.location().ifPresent(this::printSource);
    }

    private void printSource(SourceLocation at) {
        if (at.startLine() < 1 || at.endLine() > sourceLines.size()) {
            return;
        }
        err.println(at.file() + ":" + (at.startLine() == at.endLine()
                ? String.valueOf(at.startLine()) : at.startLine() + "-" + at.endLine()));
        err.println("--------------------");
        int from = Math.max(1, at.startLine() - CONTEXT_LINES);
        int to = Math.min(sourceLines.size(), at.endLine() + CONTEXT_LINES);
        int width = String.valueOf(to).length();
        for (int n = from; n <= to; n++) {
            boolean marked = n >= at.startLine() && n <= at.endLine();
            err.printf(" %" + Math.max(width, 3) + "d | %s%s%n", n, marked ? ">>> " : "    ", sourceLines.get(n - 1));
        }
        err.println("--------------------");
    }
}
