package dev.kiln.core;

/** A 1-based, inclusive line range in a named source file (usually a Dockerfile). */
public record SourceLocation(String file, int startLine, int endLine) {
    public SourceLocation {
        if (startLine < 0 || endLine < startLine) {
            throw new IllegalArgumentException("bad line range " + startLine + "-" + endLine);
        }
    }

    public static SourceLocation line(String file, int line) {
        return new SourceLocation(file, line, line);
    }

    public String prefix() {
        return file + ":" + startLine + ": ";
    }
}
