package dev.kiln.exporter;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.core.oci.Descriptor;
import dev.kiln.exporter.compress.Compression;
import dev.kiln.exporter.image.AssembledImage;
import dev.kiln.exporter.image.ImageAssembler;
import dev.kiln.worker.image.ImageStore;
import dev.kiln.worker.registry.ImageReference;
import dev.kiln.worker.registry.RegistryClient;

import java.util.Optional;

/**
 * {@code type=image} (and {@code type=registry}, which is {@code type=image,push=true}): names the image in the local
 * image store and, with {@code push=true}, uploads it to each name's registry. OCI media types by default; layers
 * built here are stored uncompressed unless pushed or {@code compression} says otherwise.
 */
record ImageStoreExporter(ImageAttributes image, ImageStore images, Optional<RegistryClient> pushTo,
                          ImageAssembler assembler) implements Exporter {

    static ImageStoreExporter resolve(OutputSpec spec, ExporterAttributes attrs, boolean registry,
                                      ExportContext context, ImageAssembler assembler) {
        boolean push = attrs.takeBool("push", registry);
        // Layers that stay on this machine are stored uncompressed, as dockerd's image store keeps them: compressing
        // them would only cost time. A push compresses (gzip) like BuildKit.
        ImageAttributes image = ImageAttributes.take(attrs, true, push ? Compression.GZIP : Compression.UNCOMPRESSED);
        if (spec.dest().isPresent()) {
            throw new KilnException(ErrorKind.INVALID_ARGUMENT, "output type=" + spec.type() + " does not take dest");
        }
        if (image.names().isEmpty()) {
            throw new KilnException(ErrorKind.INVALID_ARGUMENT,
                    "output type=" + spec.type() + " needs name=<image> (or a tag with -t)");
        }
        ImageStore images = context.images().orElseThrow(() -> new KilnException(ErrorKind.UNAVAILABLE,
                "output type=" + spec.type() + " needs an image store, which this engine was started without"));
        if (push && context.registry().isEmpty()) {
            throw new KilnException(ErrorKind.UNAVAILABLE,
                    "output type=" + spec.type() + ",push=true needs a registry client, which this engine was started without");
        }
        return new ImageStoreExporter(image, images, push ? context.registry() : Optional.empty(), assembler);
    }

    @Override
    public String description() {
        return pushTo.isPresent() ? "exporting to image and pushing" : "exporting to image";
    }

    @Override
    public ExportResult export(ExportRequest request) {
        AssembledImage assembled = assembler.assemble(request.image(), image.options(request));
        Descriptor manifest = assembled.plainManifest();
        for (ImageReference name : image.names()) {
            images.put(name, manifest);
            pushTo.ifPresent(registry -> registry.push(name, manifest, null));
        }
        return ExportResult.of(new ExportResult.Image(manifest, assembled.config().parsedDigest(), image.names()));
    }
}
