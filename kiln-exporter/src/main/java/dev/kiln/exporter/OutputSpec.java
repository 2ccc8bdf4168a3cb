package dev.kiln.exporter;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One {@code -o/--output} value in buildx syntax: CSV {@code key=value} fields such as
 * {@code type=oci,dest=out.tar,compression=zstd} (a field with a comma in it is double-quoted, as in
 * {@code "name=a,b"}); a bare path means {@code type=local,dest=<path>} and a bare {@code -} means a tar on stdout.
 * Keys are case-insensitive. The type and attributes are checked when an exporter is resolved from the spec.
 */
public record OutputSpec(String type, Optional<String> dest, Map<String, String> attrs) {
    public static final String STDOUT = "-";

    public OutputSpec {
        if (type == null || type.isEmpty()) {
            throw new KilnException(ErrorKind.INVALID_ARGUMENT, "type is required for output");
        }
        attrs = Collections.unmodifiableMap(new TreeMap<>(attrs));
    }

    public static OutputSpec parse(String value) {
        List<String> fields = csvFields(value);
        if (fields.size() == 1 && fields.getFirst().equals(value) && !value.startsWith("type=")) {
            return value.equals(STDOUT)
                    ? new OutputSpec("tar", Optional.of(STDOUT), Map.of())
                    : new OutputSpec("local", Optional.of(value), Map.of());
        }
        String type = null;
        String dest = null;
        Map<String, String> attrs = new TreeMap<>();
        for (String field : fields) {
            int eq = field.indexOf('=');
            if (eq < 0) {
                throw invalid(value, "field \"" + field + "\" is not key=value");
            }
            String key = field.substring(0, eq).strip().toLowerCase(java.util.Locale.ROOT);
            String v = field.substring(eq + 1);
            switch (key) {
                case "type" -> type = v;
                case "dest" -> dest = v;
                default -> attrs.put(key, v);
            }
        }
        if (type == null || type.isEmpty()) {
            throw invalid(value, "type is required");
        }
        return new OutputSpec(type, Optional.ofNullable(dest), attrs);
    }

    /** {@code --load}: buildx's {@code type=docker}; without {@code dest} it loads into the local image store. */
    public static OutputSpec load() {
        return new OutputSpec("docker", Optional.empty(), Map.of());
    }

    /** {@code --push}: buildx's {@code type=registry}, which is {@code type=image,push=true}. */
    public static OutputSpec push() {
        return new OutputSpec("registry", Optional.empty(), Map.of());
    }

    public Optional<String> attr(String key) {
        return Optional.ofNullable(attrs.get(key));
    }

    /** The same spec with one attribute set, e.g. {@code name} filled from {@code -t} by the CLI. */
    public OutputSpec withAttr(String key, String value) {
        Map<String, String> copy = new TreeMap<>(attrs);
        copy.put(key, value);
        return new OutputSpec(type, dest, copy);
    }

    /** Splits one CSV record the way Go's encoding/csv does: {@code "..."} quotes a field, {@code ""} is a quote. */
    static List<String> csvFields(String value) {
        List<String> fields = new ArrayList<>();
        int i = 0;
        int n = value.length();
        while (true) {
            StringBuilder field = new StringBuilder();
            if (i < n && value.charAt(i) == '"') {
                i = quotedField(value, i + 1, field);
            } else {
                while (i < n && value.charAt(i) != ',') {
                    if (value.charAt(i) == '"') {
                        throw invalid(value, "bare \" in non-quoted field");
                    }
                    field.append(value.charAt(i++));
                }
            }
            fields.add(field.toString());
            if (i >= n) {
                return fields;
            }
            i++; // the comma
        }
    }

    private static int quotedField(String value, int i, StringBuilder field) {
        int n = value.length();
        while (i < n) {
            char c = value.charAt(i++);
            if (c != '"') {
                field.append(c);
            } else if (i < n && value.charAt(i) == '"') {
                field.append('"');
                i++;
            } else if (i == n || value.charAt(i) == ',') {
                return i;
            } else {
                throw invalid(value, "extraneous \" in quoted field");
            }
        }
        throw invalid(value, "quoted field is not closed");
    }

    private static KilnException invalid(String value, String why) {
        return new KilnException(ErrorKind.INVALID_ARGUMENT, "invalid output \"" + value + "\": " + why);
    }
}
