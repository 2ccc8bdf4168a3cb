package dev.kiln.exporter;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.exporter.fs.RootfsTarWriter;
import dev.kiln.worker.sys.AtomicFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/** {@code type=tar,dest=<file>} (or {@code -} for stdout): the root filesystem as one tar archive. */
record TarExporter(String dest, EpochAttribute sourceDateEpoch, ExportContext context) implements Exporter {

    static TarExporter resolve(OutputSpec spec, ExporterAttributes attrs, ExportContext context) {
        String dest = spec.dest().filter(d -> !d.isEmpty()).orElseThrow(() -> new KilnException(
                ErrorKind.INVALID_ARGUMENT, "output type=tar needs dest=<file> (or dest=- for stdout)"));
        return new TarExporter(dest, attrs.takeEpoch(), context);
    }

    @Override
    public boolean writesImage() {
        return false;
    }

    @Override
    public String description() {
        return "sending tarball";
    }

    @Override
    public ExportResult export(ExportRequest request) {
        Optional<Instant> epoch = sourceDateEpoch.resolve(request.sourceDateEpoch());
        try {
            if (dest.equals(OutputSpec.STDOUT)) {
                request.rootfs().read(rootfs -> RootfsTarWriter.write(rootfs, epoch, context.stdout()));
                context.stdout().flush();
            } else {
                request.rootfs().read(rootfs -> AtomicFiles.write(Path.of(dest), out -> RootfsTarWriter.write(rootfs, epoch, out)));
            }
        } catch (IOException e) {
            throw new KilnException(ErrorKind.INTERNAL, "writing tar to " + dest + ": " + e.getMessage(), e);
        }
        return ExportResult.NONE;
    }
}
