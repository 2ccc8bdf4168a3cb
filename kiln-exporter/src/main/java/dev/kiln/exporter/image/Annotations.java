package dev.kiln.exporter.image;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OCI annotations requested through exporter attributes, by where they land: {@code annotation.K} and
 * {@code annotation-manifest.K} on the manifest, {@code annotation-manifest-descriptor.K} on the manifest's descriptor
 * in an image index, {@code annotation-index.K} on an image index and {@code annotation-index-descriptor.K} on the
 * OCI layout's descriptor. Manifest kinds may be limited to one platform: {@code annotation[linux/amd64].K}.
 */
public record Annotations(Map<String, String> manifest, Map<String, String> manifestDescriptor,
                          Map<String, String> index, Map<String, String> indexDescriptor) {
    public static final Annotations NONE = new Annotations(Map.of(), Map.of(), Map.of(), Map.of());

    private static final Pattern PREFIX = Pattern.compile("^annotation[-.\\[].*", Pattern.DOTALL);
    private static final Pattern KEY = Pattern.compile("^annotation(?:-([a-z-]+))?(?:\\[([A-Za-z0-9_/-]+)])?\\.(\\S+)$");

    public Annotations {
        manifest = sorted(manifest);
        manifestDescriptor = sorted(manifestDescriptor);
        index = sorted(index);
        indexDescriptor = sorted(indexDescriptor);
    }

    /** True when the attribute key is one of the {@code annotation...} forms (well-formed or not). */
    public static boolean isAnnotationKey(String attribute) {
        return PREFIX.matcher(attribute).matches();
    }

    /** Annotations that only an OCI index or layout can carry; asking for them switches on OCI media types. */
    public boolean needsOciTypes() {
        return !manifestDescriptor.isEmpty() || !index.isEmpty() || !indexDescriptor.isEmpty();
    }

    /**
     * Adds one {@code annotation...=value} attribute, keeping it only when its platform qualifier (if any) names
     * {@code platform} ({@code os/arch[/variant]}).
     */
    public Annotations with(String attribute, String value, String platform) {
        Matcher m = KEY.matcher(attribute);
        if (!m.matches()) {
            throw new KilnException(ErrorKind.INVALID_ARGUMENT, "could not parse annotation attribute " + attribute);
        }
        String type = Optional.ofNullable(m.group(1)).orElse("manifest");
        String qualifier = m.group(2);
        if (qualifier != null && (type.startsWith("index"))) {
            throw new KilnException(ErrorKind.INVALID_ARGUMENT,
                    "annotation attribute " + attribute + ": index annotations cannot name a platform");
        }
        if (qualifier != null && !qualifier.equals(platform)) {
            return this;
        }
        String key = m.group(3);
        return switch (type) {
            case "manifest" -> new Annotations(plus(manifest, key, value), manifestDescriptor, index, indexDescriptor);
            case "manifest-descriptor" -> new Annotations(manifest, plus(manifestDescriptor, key, value), index, indexDescriptor);
            case "index" -> new Annotations(manifest, manifestDescriptor, plus(index, key, value), indexDescriptor);
            case "index-descriptor" -> new Annotations(manifest, manifestDescriptor, index, plus(indexDescriptor, key, value));
            default -> throw new KilnException(ErrorKind.INVALID_ARGUMENT,
                    "unrecognized annotation type " + type + " in " + attribute);
        };
    }

    private static Map<String, String> plus(Map<String, String> map, String key, String value) {
        Map<String, String> copy = new TreeMap<>(map);
        copy.put(key, value);
        return copy;
    }

    private static Map<String, String> sorted(Map<String, String> map) {
        return java.util.Collections.unmodifiableMap(new TreeMap<>(map));
    }
}
