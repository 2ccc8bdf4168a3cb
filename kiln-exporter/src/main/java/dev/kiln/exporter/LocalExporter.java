package dev.kiln.exporter;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.exporter.fs.RootfsCopier;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/** {@code type=local,dest=<dir>}: copies the root filesystem into a directory. */
record LocalExporter(Path dest, EpochAttribute sourceDateEpoch) implements Exporter {

    static LocalExporter resolve(OutputSpec spec, ExporterAttributes attrs) {
        String dest = spec.dest().filter(d -> !d.isEmpty()).orElseThrow(() -> new KilnException(
                ErrorKind.INVALID_ARGUMENT, "output type=local needs dest=<directory>"));
        if (dest.equals(OutputSpec.STDOUT)) {
            throw new KilnException(ErrorKind.INVALID_ARGUMENT,
                    "output type=local cannot write to stdout; use type=tar,dest=- instead");
        }
        return new LocalExporter(Path.of(dest), attrs.takeEpoch());
    }

    @Override
    public boolean writesImage() {
        return false;
    }

    @Override
    public String description() {
        return "copying files";
    }

    @Override
    public ExportResult export(ExportRequest request) {
        try {
            Optional<Instant> epoch = sourceDateEpoch.resolve(request.sourceDateEpoch());
            request.rootfs().read(rootfs -> RootfsCopier.copy(rootfs, dest, epoch));
        } catch (IOException e) {
            throw new KilnException(ErrorKind.INTERNAL, "exporting files to " + dest + ": " + e.getMessage(), e);
        }
        return ExportResult.NONE;
    }
}
