package dev.kiln.frontend.dockerfile.instructions;

import dev.kiln.frontend.dockerfile.parser.GoText;

import java.util.ArrayList;
import java.util.List;

/**
 * One comma-separated record as tonistiigi/go-csvvalue reads it (the parser behind {@code --mount} and
 * {@code --device}): {@code "..."} fields with {@code ""} escapes, no bare quotes elsewhere.
 */
final class CsvFields {
    private CsvFields() {
    }

    /** The fields; throws with encoding/csv's message ({@code EOF} for empty input). */
    static List<String> parse(String value) {
        byte[] line = GoText.encode(value);
        int end = line.length;
        if (end > 0 && line[end - 1] == '\n') {
            end -= end > 1 && line[end - 2] == '\r' ? 2 : 1;
        }
        if (end == 0) {
            throw new IllegalArgumentException("EOF");
        }
        List<String> fields = new ArrayList<>();
        int pos = 0;
        while (true) {
            if (pos == end || line[pos] != '"') {
                int comma = indexOf(line, pos, end, (byte) ',');
                int fieldEnd = comma < 0 ? end : comma;
                int quote = indexOf(line, pos, fieldEnd, (byte) '"');
                if (quote >= 0) {
                    throw error(quote, "bare \" in non-quoted-field");
                }
                fields.add(GoText.decode(line, pos, fieldEnd));
                if (comma < 0) {
                    return fields;
                }
                pos = comma + 1;
                continue;
            }
            pos = quotedField(line, pos + 1, end, fields);
            if (pos == end) {
                return fields;
            }
            pos++; // the comma after the closing quote
        }
    }

    /** Reads a quoted field starting after its opening quote; returns the position after the closing quote. */
    private static int quotedField(byte[] line, int pos, int end, List<String> fields) {
        StringBuilder field = new StringBuilder();
        while (true) {
            int quote = indexOf(line, pos, end, (byte) '"');
            if (quote < 0) {
                throw error(pos, "extraneous or missing \" in quoted-field");
            }
            field.append(GoText.decode(line, pos, quote));
            pos = quote + 1;
            if (pos < end && line[pos] == '"') {
                field.append('"');
                pos++;
                continue;
            }
            if (pos == end || line[pos] == ',') {
                fields.add(GoText.renormalize(field.toString()));
                return pos;
            }
            throw error(pos - 1, "extraneous or missing \" in quoted-field");
        }
    }

    private static IllegalArgumentException error(int position, String reason) {
        return new IllegalArgumentException("parse error on line 1, column " + (position + 1) + ": " + reason);
    }

    private static int indexOf(byte[] data, int from, int to, byte b) {
        for (int i = from; i < to; i++) {
            if (data[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
