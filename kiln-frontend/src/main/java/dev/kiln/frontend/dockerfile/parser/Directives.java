package dev.kiln.frontend.dockerfile.parser;

import dev.kiln.core.KilnException;
import dev.kiln.core.SourceLocation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds parser directives in raw Dockerfile bytes, as BuildKit's {@code DetectSyntax} / {@code ParseDirective}:
 * a UTF-8 BOM and a leading {@code #!} line are skipped; {@code syntax} may also be written as
 * {@code //syntax=...} or as a JSON object {@code {"syntax": "..."}}.
 */
public final class Directives {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final Pattern BUILTIN_FRONTEND = Pattern.compile(
            "(?:(?:docker\\.io|index\\.docker\\.io|registry-1\\.docker\\.io)/)?docker/dockerfile(?:-upstream)?"
                    + "(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*"
                    + ":[0-9a-fA-F]{32,})?");

    private Directives() {
    }

    /** The {@code syntax} directive in any of its accepted forms. */
    public static Optional<Directive> detectSyntax(byte[] content, String fileName) {
        return find("syntax", content, fileName, true);
    }

    /** A {@code # key=value} directive (comment form only), e.g. {@code check}. */
    public static Optional<Directive> parseDirective(String key, byte[] content, String fileName) {
        return find(key, content, fileName, false);
    }

    /**
     * Every {@code # name=value} directive of the leading directive block, in order (no BOM or shebang
     * handling, like BuildKit's {@code DirectiveParser.ParseAll}). A repeated directive is an error.
     */
    public static List<Directive> parseAll(byte[] content, String fileName) {
        DirectiveParser parser = new DirectiveParser("#", 0);
        List<Directive> found = new ArrayList<>();
        LineScanner scanner = new LineScanner(content, 0);
        for (String line = nextLine(scanner); line != null && !parser.done(); line = nextLine(scanner)) {
            try {
                parser.parseLine(line).ifPresent(d -> found.add(directive(d, fileName)));
            } catch (KilnException repeated) {
                throw repeated.at(SourceLocation.line(fileName, found.size() + 1));
            }
        }
        return found;
    }

    /**
     * Whether a syntax reference selects the frontend built into Kiln: any tag or digest of
     * {@code docker/dockerfile} or {@code docker/dockerfile-upstream}, optionally prefixed by Docker Hub's host.
     */
    public static boolean isBuiltinFrontend(String ref) {
        return BUILTIN_FRONTEND.matcher(ref).matches();
    }

    private static Optional<Directive> find(String key, byte[] content, String fileName, boolean anyFormat) {
        int start = startsWith(content, 0, BOM) ? BOM.length : 0;
        int linesBefore = 0;
        if (startsWith(content, start, new byte[] {'#', '!'})) {
            int newline = indexOf(content, start, (byte) '\n');
            start = newline < 0 ? content.length : newline + 1;
            linesBefore = 1;
        }
        Optional<Directive> found = fromComments(key, content, start, new DirectiveParser("#", linesBefore), fileName);
        if (found.isPresent() || !anyFormat) {
            return found;
        }
        found = fromComments(key, content, start, new DirectiveParser("//", linesBefore), fileName);
        if (found.isPresent()) {
            return found;
        }
        return fromJson(key, content, start, linesBefore + 1, fileName);
    }

    private static Optional<Directive> fromComments(String key, byte[] content, int start, DirectiveParser parser,
                                                    String fileName) {
        LineScanner scanner = new LineScanner(content, start);
        for (String line = nextLine(scanner); line != null && !parser.done(); line = nextLine(scanner)) {
            Optional<DirectiveParser.Found> d;
            try {
                d = parser.parseLine(line);
            } catch (KilnException repeated) {
                break;
            }
            if (d.isPresent() && d.get().name().equals(key)) {
                return Optional.of(directive(d.get(), fileName));
            }
        }
        return Optional.empty();
    }

    private static Optional<Directive> fromJson(String key, byte[] content, int start, int line, String fileName) {
        int first = start;
        while (first < content.length && GoJson.isWhitespace((char) content[first])) {
            first++;
        }
        if (first == content.length || content[first] != '{') {
            return Optional.empty();
        }
        String text = GoText.decode(content, start, content.length);
        Optional<String> value = Optional.empty();
        for (GoJson.Element member : GoJson.objectMembers(text).orElse(List.of())) {
            if (member.key().orElseThrow().equals(key)) {
                value = member.string();
            }
        }
        return value.map(v -> new Directive(key, v, SourceLocation.line(fileName, line)));
    }

    static Directive directive(DirectiveParser.Found found, String fileName) {
        return new Directive(found.name(), found.value(), SourceLocation.line(fileName, found.line()));
    }

    /** The next line as Go's {@code bufio.ScanLines} gives it (no {@code \n}, no trailing {@code \r}), or null. */
    private static String nextLine(LineScanner scanner) {
        int[] span = scanner.next();
        if (span == null) {
            return null;
        }
        byte[] content = scanner.data();
        int end = span[1];
        if (end > span[0] && content[end - 1] == '\n') {
            end--;
        }
        if (end > span[0] && content[end - 1] == '\r') {
            end--;
        }
        return GoText.decode(content, span[0], end);
    }

    static boolean startsWith(byte[] data, int at, byte[] prefix) {
        if (data.length - at < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] data, int from, byte b) {
        for (int i = from; i < data.length; i++) {
            if (data[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
