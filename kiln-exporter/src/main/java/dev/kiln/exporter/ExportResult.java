package dev.kiln.exporter;

import dev.kiln.core.Digest;
import dev.kiln.core.oci.Descriptor;
import dev.kiln.worker.registry.ImageReference;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What an export produced. Image exporters report the manifest descriptor, the config digest and the names;
 * {@code local} and {@code tar} report nothing.
 */
public record ExportResult(Optional<Image> image) {
    public static final ExportResult NONE = new ExportResult(Optional.empty());

    /** The exported image: {@code descriptor} points at the manifest, as written into an OCI layout. */
    public record Image(Descriptor descriptor, Digest configDigest, List<ImageReference> names) {
        public Image {
            names = List.copyOf(names);
        }

        public Digest digest() {
            return descriptor.parsedDigest();
        }
    }

    public static ExportResult of(Image image) {
        return new ExportResult(Optional.of(image));
    }

    /**
     * The exporter response as {@code --metadata-file} writes it: {@code containerimage.digest},
     * {@code containerimage.config.digest}, {@code containerimage.descriptor} (an object) and {@code image.name}
     * (comma-separated, when named). Serialize it with {@code dev.kiln.core.json.Json}.
     */
    public Map<String, Object> metadata() {
        Map<String, Object> m = new LinkedHashMap<>();
        image.ifPresent(i -> {
            m.put("containerimage.config.digest", i.configDigest().toString());
            m.put("containerimage.descriptor", i.descriptor());
            m.put("containerimage.digest", i.digest().toString());
            if (!i.names().isEmpty()) {
                m.put("image.name", i.names().stream().map(ImageReference::toString).collect(Collectors.joining(",")));
            }
        });
        return m;
    }
}
