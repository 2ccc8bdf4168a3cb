package dev.kiln.exporter;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.exporter.image.ImageAssembler;

/**
 * Resolves {@code --output} specs into exporters for one build. The exporters of a build share one
 * {@link ImageAssembler}, so exporting the same image twice (say {@code type=oci} and {@code type=docker}) compresses
 * each new layer once per compression.
 */
public final class Exporters {
    private final ExportContext context;
    private final ImageAssembler assembler;

    public Exporters(ExportContext context) {
        this.context = context;
        this.assembler = new ImageAssembler(context.store());
    }

    /**
     * Checks the type and every attribute of {@code spec} and returns the exporter for it.
     *
     * @throws KilnException INVALID_ARGUMENT for an unknown type, an unknown attribute or a bad value;
     *                       UNAVAILABLE when the output needs an image store or registry this engine lacks
     */
    public Exporter resolve(OutputSpec spec) {
        ExporterAttributes attrs = new ExporterAttributes(spec);
        Exporter exporter = switch (spec.type()) {
            case "oci" -> OciExporter.resolve(OciExporter.Variant.OCI, spec, attrs, context, assembler);
            case "docker" -> OciExporter.resolve(OciExporter.Variant.DOCKER, spec, attrs, context, assembler);
            case "image" -> ImageStoreExporter.resolve(spec, attrs, false, context, assembler);
            case "registry" -> ImageStoreExporter.resolve(spec, attrs, true, context, assembler);
            case "local" -> LocalExporter.resolve(spec, attrs);
            case "tar" -> TarExporter.resolve(spec, attrs, context);
            default -> throw new KilnException(ErrorKind.INVALID_ARGUMENT, "unknown output type \"" + spec.type()
                    + "\" (use local, tar, oci, docker, image or registry)");
        };
        attrs.rejectUnknown();
        return exporter;
    }
}
