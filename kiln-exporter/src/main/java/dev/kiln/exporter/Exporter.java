package dev.kiln.exporter;

/**
 * One resolved {@code --output}: its attributes are already validated, so {@link #export} fails only on I/O or on
 * missing content. Instances are made by {@link Exporters#resolve}.
 */
public sealed interface Exporter permits OciExporter, ImageStoreExporter, LocalExporter, TarExporter {

    /** The progress line BuildKit shows for this exporter, e.g. {@code exporting to oci image format}. */
    String description();

    /** Whether the export writes an image (config and layers); {@code local} and {@code tar} only read the rootfs. */
    default boolean writesImage() {
        return true;
    }

    /** @throws dev.kiln.core.KilnException with a one-line message when the export fails */
    ExportResult export(ExportRequest request);
}
