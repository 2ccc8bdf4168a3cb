package dev.kiln.exporter.image;

import dev.kiln.core.Digest;
import dev.kiln.core.oci.Descriptor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** One layer of a built image, bottom first: a blob already in the content store, a new tar, or a built snapshot. */
public sealed interface ExportLayer {

    /**
     * When the layer's content was made, if known: a history entry of the layer without a time of its own gets this
     * one (BuildKit's {@code buildkit/createdat}), so a cached rebuild exports the very same image.
     */
    default Optional<Instant> created() {
        return Optional.empty();
    }

    /**
     * A layer blob already committed to the content store, typically pulled with the base image. It is exported as
     * it is, unless {@code force-compression} asks for a different compression.
     *
     * @param diffId the sha256 of the uncompressed tar, as listed in the config's {@code rootfs.diff_ids}
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

    /**
     * A layer built on this machine that remembers the blobs exports made of it, as BuildKit keeps compression
     * variants on a cache ref: an export in a compression made before (this build or an earlier one) reuses that
     * blob, while its tar is computed (by diffing the snapshot) only when no remembered blob can serve.
     * Implementations are thread-safe.
     */
    non-sealed interface Built extends ExportLayer {
        /** The diffID and blobs exports remembered for this layer, or empty when none did. */
        Optional<Remembered> remembered();

        /** The layer as an uncompressed tar, computed on the first call. */
        New tar();

        /** Remembers {@code blob}, made of the tar {@code diffId} in compression {@code variant}, for later exports. */
        void remember(Digest diffId, String variant, Descriptor blob);

        /**
         * What exports remembered of a built layer: the diffID of its tar and the blobs made of that tar, by
         * compression variant ({@link dev.kiln.exporter.compress.CompressionOptions#variant()}). The blobs may have
         * been deleted from the content store since.
         */
        record Remembered(Digest diffId, Map<String, Descriptor> blobs) {
            public Remembered {
                Objects.requireNonNull(diffId);
                blobs = Map.copyOf(blobs);
            }
        }
    }

    /** Opens a fresh stream of the uncompressed layer tar each time it is called. */
    @FunctionalInterface
    interface TarSource {
        InputStream open() throws IOException;
    }
}
