package dev.kiln.exporter;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.exporter.image.Annotations;

import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The attributes of one output, consumed key by key while an exporter is resolved; whatever is left over is an
 * attribute this exporter does not know, which is an error rather than something silently ignored.
 */
final class ExporterAttributes {
    private static final Set<String> TRUE = Set.of("1", "t", "T", "TRUE", "true", "True");
    private static final Set<String> FALSE = Set.of("0", "f", "F", "FALSE", "false", "False");

    private final String type;
    private final Map<String, String> remaining;

    ExporterAttributes(OutputSpec spec) {
        this.type = spec.type();
        this.remaining = new TreeMap<>(spec.attrs());
    }

    Optional<String> take(String key) {
        return Optional.ofNullable(remaining.remove(key));
    }

    /** A boolean as Go's strconv.ParseBool reads it; an empty value means true, as in BuildKit. */
    boolean takeBool(String key, boolean ifAbsent) {
        return take(key).map(v -> {
            if (v.isEmpty() || TRUE.contains(v)) {
                return true;
            }
            if (FALSE.contains(v)) {
                return false;
            }
            throw invalid(key, v, "expected true or false");
        }).orElse(ifAbsent);
    }

    Optional<Integer> takeInt(String key) {
        return take(key).map(v -> {
            try {
                return Integer.parseInt(v.strip());
            } catch (NumberFormatException e) {
                throw invalid(key, v, "expected an integer");
            }
        });
    }

    EpochAttribute takeEpoch() {
        return new EpochAttribute(take("source-date-epoch"));
    }

    /** All {@code annotation...} attributes, syntax-checked. */
    Map<String, String> takeAnnotations() {
        Map<String, String> taken = new TreeMap<>();
        for (Iterator<Map.Entry<String, String>> it = remaining.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, String> e = it.next();
            if (Annotations.isAnnotationKey(e.getKey())) {
                Annotations.NONE.with(e.getKey(), e.getValue(), null);
                taken.put(e.getKey(), e.getValue());
                it.remove();
            }
        }
        return taken;
    }

    void rejectUnknown() {
        if (!remaining.isEmpty()) {
            throw new KilnException(ErrorKind.INVALID_ARGUMENT,
                    "unknown attribute \"" + remaining.keySet().iterator().next() + "\" for output type=" + type);
        }
    }

    private KilnException invalid(String key, String value, String why) {
        return new KilnException(ErrorKind.INVALID_ARGUMENT,
                "invalid value \"" + value + "\" for " + key + " in output type=" + type + ": " + why);
    }
}
