package dev.kiln.frontend.dockerfile.parser;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.core.SourceLocation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One run of BuildKit's parse loop: directives, comments, line continuations, empty-continuation warnings and
 * heredoc bodies, producing the root node. Line numbers are 1-based.
 */
final class ParseSession {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final String EMPTY_CONTINUATION_URL = "https://docs.docker.com/go/dockerfile/rule/no-empty-continuation/";

    private final LineScanner scanner;
    private final String fileName;
    private final DirectiveParser directives = new DirectiveParser("#", 0);
    private final List<ParseWarning> warnings = new ArrayList<>();
    private final List<Node> children = new ArrayList<>();
    private List<String> comments = new ArrayList<>();
    private char escape = '\\';
    private int currentLine;

    ParseSession(byte[] content, String fileName) {
        this.scanner = new LineScanner(content);
        this.fileName = fileName;
    }

    Node run() {
        for (int[] span = scanner.next(); span != null; span = scanner.next()) {
            int start = span[0];
            if (currentLine == 0 && Directives.startsWith(scanner.data(), start, BOM)) {
                start = Math.min(span[1], start + BOM.length);
            }
            instruction(start, span[1]);
        }
        if (children.isEmpty()) {
            throw error("file with no instructions", Math.max(1, currentLine), Math.max(1, currentLine));
        }
        if (scanner.tooLong()) {
            throw error("dockerfile line greater than max allowed size of " + (LineScanner.MAX_TOKEN - 1),
                    currentLine + 1, currentLine + 1);
        }
        SourceLocation whole = new SourceLocation(fileName, children.getFirst().startLine(),
                children.getLast().endLine());
        return new Node("", List.of(), children, List.of(), List.of(), false, "", whole, List.of());
    }

    List<ParseWarning> warnings() {
        return warnings;
    }

    char escapeChar() {
        return escape;
    }

    /** Handles the physical line [start, end) and, when it begins an instruction, everything that belongs to it. */
    private void instruction(int start, int end) {
        byte[] data = scanner.data();
        String raw = GoText.decode(data, start, end);
        if (isComment(raw)) {
            String comment = GoText.trimSpace(GoText.decode(data, Math.min(end, start + 1), end));
            if (comment.isEmpty()) {
                comments = new ArrayList<>();
            } else {
                comments.add(comment);
            }
        }
        String token = GoText.trimLeftSpace(trimNewline(raw));
        if (directive(token) && !comments.isEmpty()) {
            comments.removeLast();
        }
        currentLine++;
        int startLine = currentLine;
        Continuation first = Continuation.of(isComment(token) ? "" : token, escape);
        if (first.ends() && first.text().isEmpty()) {
            return;
        }
        String line = joinContinuationLines(first);
        SourceLocation where = new SourceLocation(fileName, startLine, currentLine);
        Node node = buildNode(line, where);
        List<Heredoc> docs = NodeBuilder.canContainHeredoc(node) && line.contains("<<")
                ? readHeredocs(line, startLine) : List.of();
        node = node.withPlacement(new SourceLocation(fileName, startLine, currentLine), docs, comments);
        children.add(node);
        comments = new ArrayList<>();
    }

    private String joinContinuationLines(Continuation first) {
        StringBuilder line = new StringBuilder(first.text());
        boolean ends = first.ends();
        boolean hasEmptyLine = false;
        int[] span;
        while (!ends && (span = scanner.next()) != null) {
            String raw = GoText.decode(scanner.data(), span[0], span[1]);
            String token = trimNewline(raw);
            directive(token);
            currentLine++;
            if (isComment(raw)) {
                continue;
            }
            if (GoText.trimLeftSpace(token).isEmpty()) {
                hasEmptyLine = true;
                continue;
            }
            Continuation next = Continuation.of(token, escape);
            line.append(next.text());
            ends = next.ends();
        }
        String joined = GoText.renormalize(line.toString());
        if (hasEmptyLine) {
            warnings.add(new ParseWarning("Empty continuation line found in: " + joined,
                    List.of("Empty continuation lines will become errors in a future release"),
                    EMPTY_CONTINUATION_URL, SourceLocation.line(fileName, currentLine)));
        }
        return joined;
    }

    private Node buildNode(String line, SourceLocation where) {
        try {
            return new NodeBuilder(escape, where).build(line, comments);
        } catch (KilnException e) {
            throw e.at(where);
        }
    }

    /** Reads the bodies of the line's heredocs, in order, from the lines that follow. */
    private List<Heredoc> readHeredocs(String line, int startLine) {
        List<Heredoc> markers;
        try {
            markers = Heredocs.fromLine(line);
        } catch (KilnException e) {
            throw e.at(new SourceLocation(fileName, startLine, currentLine));
        }
        List<Heredoc> docs = new ArrayList<>();
        for (Heredoc marker : markers) {
            StringBuilder body = new StringBuilder();
            boolean terminated = false;
            for (int[] span = scanner.next(); span != null; span = scanner.next()) {
                String raw = GoText.decode(scanner.data(), span[0], span[1]);
                currentLine++;
                String candidate = trimNewline(raw);
                if (marker.chomp()) {
                    candidate = trimLeadingTabs(candidate);
                }
                if (candidate.equals(marker.name())) {
                    terminated = true;
                    break;
                }
                body.append(raw);
            }
            if (!terminated) {
                throw error("unterminated heredoc", startLine, currentLine);
            }
            docs.add(marker.withContent(body.toString()));
        }
        return docs;
    }

    /** Feeds a line to the directive parser (which stops at the first non-directive); applies {@code escape}. */
    private boolean directive(String token) {
        Optional<DirectiveParser.Found> found;
        try {
            found = directives.parseLine(token);
        } catch (KilnException e) {
            throw e.at(SourceLocation.line(fileName, currentLine + 1));
        }
        if (found.isEmpty()) {
            return false;
        }
        if (found.get().name().equals("escape")) {
            String value = found.get().value();
            if (!value.equals("`") && !value.equals("\\")) {
                throw error("invalid escape token '" + value + "' does not match ` or \\", currentLine + 1,
                        currentLine + 1);
            }
            escape = value.charAt(0);
        }
        return true;
    }

    private KilnException error(String message, int from, int to) {
        return new KilnException(ErrorKind.INVALID_ARGUMENT, message, new SourceLocation(fileName, from, to), null);
    }

    static boolean isComment(String line) {
        return GoText.trimLeftSpace(line).startsWith("#");
    }

    /** Go's {@code bytes.TrimRight(line, "\r\n")}. */
    static String trimNewline(String line) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == '\n' || line.charAt(end - 1) == '\r')) {
            end--;
        }
        return line.substring(0, end);
    }

    private static String trimLeadingTabs(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == '\t') {
            i++;
        }
        return line.substring(i);
    }

    /** A line with its trailing escape character (and blanks after it) removed, if it had one. */
    record Continuation(String text, boolean ends) {
        static Continuation of(String line, char escape) {
            int end = line.length();
            while (end > 0 && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\t')) {
                end--;
            }
            if (end == 0 || line.charAt(end - 1) != escape) {
                return new Continuation(line, true);
            }
            int at = end - 1;
            if (at > 0 && line.charAt(at - 1) == escape) {
                return new Continuation(line, true);
            }
            return new Continuation(line.substring(0, at), false);
        }
    }
}
