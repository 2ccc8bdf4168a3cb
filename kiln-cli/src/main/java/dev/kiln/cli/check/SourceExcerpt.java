package dev.kiln.cli.check;

import dev.kiln.core.SourceLocation;

import java.io.PrintStream;

/**
 * The Dockerfile lines around a location, marked with {@code >>>}, as BuildKit prints them under warnings and
 * errors: two lines of context around a range, four around a single line.
 */
final class SourceExcerpt {
    private SourceExcerpt() {
    }

    static void print(PrintStream out, String fileName, String[] lines, SourceLocation where) {
        int start = where.startLine();
        int end = Math.min(Math.max(where.endLine(), start), lines.length);
        if (start < 1 || start > lines.length) {
            return;
        }
        int pad = end == start ? 4 : 2;
        int firstMarked = start;
        for (int p = 0; p < pad; p++) {
            if (start > 1) {
                start--;
                p++;
            }
            if (end != lines.length) {
                end++;
                p++;
            }
        }
        out.print(fileName + ":" + firstMarked + "\n--------------------\n");
        for (int i = start; i <= end; i++) {
            boolean marked = i >= where.startLine() && i <= Math.max(where.endLine(), where.startLine());
            out.printf(" %3d | %s %s\n", i, marked ? ">>>" : "   ", lines[i - 1]);
        }
        out.print("--------------------\n");
    }
}
