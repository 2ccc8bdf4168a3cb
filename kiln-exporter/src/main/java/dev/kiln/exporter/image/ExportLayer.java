package dev.kiln.exporter.image;

import dev.kiln.core.Digest;
import dev.kiln.core.oci.Descriptor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/** One layer of a built image, bottom first: either a blob that is already in the content store or a new tar. */
public sealed interface ExportLayer {

    /** The sha256 of the uncompressed tar, as listed in the config's {@code rootfs.diff_ids}. */
    Digest diffId();

    /**
     * A layer blob already committed to the content store, typically pulled with the base image. It is exported as
     * it is, unless {@code force-compression} asks for a different compression.
     */
    record Existing(Descriptor blob, Digest diffId) implements ExportLayer {
        public Existing {
            Objects.requireNonNull(blob);
            Objects.requireNonNull(diffId);
        }
    }

    /** A layer produced by this build, as an uncompressed tar whose sha256 is {@code diffId}. */
    record New(TarSource tar, Digest diffId) implements ExportLayer {
        public New {
            Objects.requireNonNull(tar);
            Objects.requireNonNull(diffId);
        }

        public static New ofFile(Path tarFile, Digest diffId) {
            return new New(() -> Files.newInputStream(tarFile), diffId);
        }
    }

    /** Opens a fresh stream of the uncompressed layer tar each time it is called. */
    @FunctionalInterface
    interface TarSource {
        InputStream open() throws IOException;
    }
}
