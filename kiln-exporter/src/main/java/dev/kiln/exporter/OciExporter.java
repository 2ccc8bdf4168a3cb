package dev.kiln.exporter;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.core.oci.Descriptor;
import dev.kiln.exporter.archive.ImageLayout;
import dev.kiln.exporter.archive.LayoutDirectoryWriter;
import dev.kiln.exporter.archive.LayoutTarWriter;
import dev.kiln.exporter.compress.Compression;
import dev.kiln.exporter.image.AssembledImage;
import dev.kiln.exporter.image.ImageAssembler;
import dev.kiln.exporter.image.ImageOptions;
import dev.kiln.worker.sys.AtomicFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code type=oci} and {@code type=docker}: the image as an OCI layout tarball ({@code dest=<file>}, or {@code -} for
 * stdout), or as a layout directory with {@code tar=false}. The docker variant defaults to Docker media types and adds
 * docker-save's manifest.json; without {@code dest} it loads the image into the local image store ({@code --load}).
 */
record OciExporter(Variant variant, ImageAttributes image, Optional<String> dest, boolean tar, ExportContext context,
                   ImageAssembler assembler) implements Exporter {
    static final String CREATED_ANNOTATION = "org.opencontainers.image.created";

    enum Variant {
        OCI("oci", true), DOCKER("docker", false);

        private final String type;
        private final boolean ociTypesByDefault;

        Variant(String type, boolean ociTypesByDefault) {
            this.type = type;
            this.ociTypesByDefault = ociTypesByDefault;
        }
    }

    static OciExporter resolve(Variant variant, OutputSpec spec, ExporterAttributes attrs, ExportContext context,
                               ImageAssembler assembler) {
        ImageAttributes image = ImageAttributes.take(attrs, variant.ociTypesByDefault, Compression.GZIP);
        boolean tar = attrs.takeBool("tar", true);
        Optional<String> dest = spec.dest().filter(d -> !d.isEmpty());
        if (dest.isEmpty() && variant == Variant.OCI) {
            throw new KilnException(ErrorKind.INVALID_ARGUMENT,
                    "output type=oci needs dest=<file> (or dest=- for stdout)");
        }
        if (dest.isEmpty() && image.names().isEmpty()) {
            throw new KilnException(ErrorKind.INVALID_ARGUMENT,
                    "output type=docker without dest loads the image and needs name=<image> (or a tag with -t)");
        }
        if (dest.isEmpty() && context.images().isEmpty()) {
            throw new KilnException(ErrorKind.UNAVAILABLE,
                    "output type=docker without dest needs an image store, which this engine was started without");
        }
        if (!tar && dest.filter(OutputSpec.STDOUT::equals).isPresent()) {
            throw new KilnException(ErrorKind.INVALID_ARGUMENT,
                    "output type=" + variant.type + ",tar=false writes a directory and cannot use dest=-");
        }
        return new OciExporter(variant, image, dest, tar, context, assembler);
    }

    @Override
    public String description() {
        return "exporting to " + variant.type + " image format";
    }

    @Override
    public ExportResult export(ExportRequest request) {
        ImageOptions options = image.options(request);
        AssembledImage assembled = assembler.assemble(request.image(), options);
        if (dest.isEmpty()) {
            Descriptor manifest = assembled.plainManifest();
            image.names().forEach(name -> context.images().orElseThrow().put(name, manifest));
            return result(manifest, assembled);
        }
        Descriptor descriptor = layoutDescriptor(assembled.manifest(), options.sourceDateEpoch());
        ImageLayout layout = ImageLayout.of(assembled, descriptor, image.names(), variant == Variant.DOCKER);
        try {
            write(layout, dest.get());
        } catch (IOException e) {
            throw new KilnException(ErrorKind.INTERNAL, "writing " + variant.type + " image to " + dest.get() + ": "
                    + e.getMessage(), e);
        }
        return result(descriptor, assembled);
    }

    private void write(ImageLayout layout, String target) throws IOException {
        if (!tar) {
            LayoutDirectoryWriter.write(layout, context.store(), Path.of(target));
        } else if (target.equals(OutputSpec.STDOUT)) {
            LayoutTarWriter.write(layout, context.store(), context.stdout());
            context.stdout().flush();
        } else {
            AtomicFiles.write(Path.of(target), out -> LayoutTarWriter.write(layout, context.store(), out));
        }
    }

    /** The layout's pointer to the manifest carries the archive's creation time, pinned by SOURCE_DATE_EPOCH. */
    private static Descriptor layoutDescriptor(Descriptor manifest, Optional<Instant> epoch) {
        Map<String, String> annotations = new TreeMap<>(manifest.annotations() == null ? Map.of() : manifest.annotations());
        annotations.putIfAbsent(CREATED_ANNOTATION, epoch.orElseGet(Instant::now).truncatedTo(ChronoUnit.SECONDS).toString());
        return new Descriptor(manifest.mediaType(), manifest.digest(), manifest.size(), annotations, null);
    }

    private ExportResult result(Descriptor descriptor, AssembledImage assembled) {
        return ExportResult.of(new ExportResult.Image(descriptor, assembled.config().parsedDigest(), image.names()));
    }
}
