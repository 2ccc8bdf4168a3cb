package dev.kiln.exporter;

import dev.kiln.core.oci.ImageConfig;
import dev.kiln.exporter.compress.Compression;
import dev.kiln.exporter.compress.CompressionOptions;
import dev.kiln.exporter.image.Annotations;
import dev.kiln.exporter.image.ImageOptions;
import dev.kiln.worker.registry.ImageReference;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The attributes every image-producing exporter shares: {@code name} (comma-separated), {@code compression},
 * {@code compression-level}, {@code force-compression}, {@code oci-mediatypes}, {@code annotation...} and
 * {@code source-date-epoch}.
 */
record ImageAttributes(List<ImageReference> names, CompressionOptions compression, boolean ociTypes,
                       Map<String, String> annotations, EpochAttribute sourceDateEpoch) {

    static ImageAttributes take(ExporterAttributes attrs, boolean ociTypesByDefault, Compression defaultCompression) {
        List<ImageReference> names = attrs.take("name")
                .map(v -> Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                        .map(ImageReference::parse).toList())
                .orElse(List.of());
        Compression type = attrs.take("compression").map(Compression::parse).orElse(defaultCompression);
        int level = attrs.takeInt("compression-level").orElse(type.defaultLevel());
        boolean force = attrs.takeBool("force-compression", false);
        boolean oci = attrs.takeBool("oci-mediatypes", ociTypesByDefault);
        return new ImageAttributes(names, new CompressionOptions(type, level, force), oci, attrs.takeAnnotations(),
                attrs.takeEpoch());
    }

    /** The options for one export: the attribute's epoch wins over the build's; annotations for this platform. */
    ImageOptions options(ExportRequest request) {
        String platform = platformOf(request.image().config());
        Annotations a = Annotations.NONE;
        for (Map.Entry<String, String> e : annotations.entrySet()) {
            a = a.with(e.getKey(), e.getValue(), platform);
        }
        return new ImageOptions(names, compression, ociTypes, a, sourceDateEpoch.resolve(request.sourceDateEpoch()));
    }

    private static String platformOf(ImageConfig config) {
        String p = config.os() + "/" + config.architecture();
        return config.variant() == null || config.variant().isEmpty() ? p : p + "/" + config.variant();
    }
}
