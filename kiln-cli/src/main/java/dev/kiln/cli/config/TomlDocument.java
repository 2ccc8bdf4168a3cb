package dev.kiln.cli.config;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;

import java.util.List;
import java.util.Map;

/**
 * A parsed TOML document: its root table, and where each key and table header starts in {@code text}, so that a
 * value of the wrong type can be reported at its line.
 */
record TomlDocument(String source, String text, Map<String, Object> root, Map<List<String>, Integer> keyOffsets) {

    /** An error about the value at {@code path}, at the line of the key that defined it or of its nearest table. */
    KilnException error(List<String> path, String what) {
        for (int n = path.size(); n > 0; n--) {
            Integer offset = keyOffsets.get(path.subList(0, n));
            if (offset != null) {
                return error(source, text, offset, dotted(path) + ": " + what);
            }
        }
        String message = "invalid config " + source + ": " + dotted(path) + ": " + what;
        return new KilnException(ErrorKind.INVALID_ARGUMENT, message);
    }

    /** {@code invalid config <source>:<line>: <what>}, the line being the one holding {@code offset}. */
    static KilnException error(String source, String text, int offset, String what) {
        int line = 1;
        for (int i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
            line++;
        }
        return new KilnException(ErrorKind.INVALID_ARGUMENT, "invalid config " + source + ":" + line + ": " + what);
    }

    /** A key path as TOML writes it: {@code registry."docker.io".mirrors}. */
    static String dotted(List<String> path) {
        StringBuilder out = new StringBuilder();
        for (String key : path) {
            if (!out.isEmpty()) {
                out.append('.');
            }
            boolean bare = !key.isEmpty()
                    && key.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '-'));
            out.append(bare ? key : quoted(key));
        }
        return out.toString();
    }

    private static String quoted(String key) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : key.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7F) {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
