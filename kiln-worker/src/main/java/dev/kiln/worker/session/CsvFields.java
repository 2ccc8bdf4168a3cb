package dev.kiln.worker.session;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one line of comma-separated fields the way Go's encoding/csv does for buildx's flag values: a field that
 * starts with a double quote runs to the matching quote ({@code ""} stands for one quote) and may hold commas.
 */
final class CsvFields {
    private CsvFields() {
    }

    static List<String> split(String line) throws CsvException {
        List<String> fields = new ArrayList<>();
        if (line.isEmpty()) {
            return fields;
        }
        int i = 0;
        while (true) {
            StringBuilder field = new StringBuilder();
            i = line.startsWith("\"", i) ? quoted(line, i + 1, field) : unquoted(line, i, field);
            fields.add(field.toString());
            if (i == line.length()) {
                return fields;
            }
            i++; // the comma
        }
    }

    private static int unquoted(String line, int start, StringBuilder field) throws CsvException {
        int i = start;
        while (i < line.length() && line.charAt(i) != ',') {
            if (line.charAt(i) == '"') {
                throw new CsvException("parse error on line 1, column " + (i + 1) + ": bare \" in non-quoted-field");
            }
            field.append(line.charAt(i++));
        }
        return i;
    }

    private static int quoted(String line, int start, StringBuilder field) throws CsvException {
        int i = start;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c != '"') {
                field.append(c);
                i++;
            } else if (line.startsWith("\"\"", i)) {
                field.append('"');
                i += 2;
            } else if (i + 1 == line.length() || line.charAt(i + 1) == ',') {
                return i + 1;
            } else {
                break;
            }
        }
        throw new CsvException("parse error on line 1, column " + (i + 1) + ": extraneous or missing \" in quoted-field");
    }

    static final class CsvException extends Exception {
        CsvException(String message) {
            super(message);
        }
    }
}
