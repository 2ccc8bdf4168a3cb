package dev.kiln.exporter.image;

import dev.kiln.core.Digest;
import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.core.content.ContentStore;
import dev.kiln.core.json.Json;
import dev.kiln.core.oci.Descriptor;
import dev.kiln.core.oci.ImageConfig;
import dev.kiln.core.oci.Manifest;
import dev.kiln.core.oci.MediaTypes;
import dev.kiln.exporter.compress.Compression;
import dev.kiln.exporter.compress.CompressionOptions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes a built image into the content store: layer blobs (new tars compressed, existing blobs reused or converted,
 * built layers' blobs reused from earlier exports in the same compression), then the config with
 * {@code rootfs.diff_ids} and normalized history, then the manifest. Nothing here reads the clock, so the same inputs
 * give the same digests. One assembler serves all outputs of a build, so an image exported twice with the same
 * compression compresses each layer once.
 */
public final class ImageAssembler {
    private final ContentStore store;
    private final LayerBlobs layerBlobs;

    public ImageAssembler(ContentStore store) {
        this.store = store;
        this.layerBlobs = new LayerBlobs(store);
    }

    /**
     * Commits every blob of {@code image} and returns the manifest descriptor.
     *
     * @throws KilnException NOT_FOUND when an existing layer's blob is missing from the store, INTERNAL when a new
     *                       layer's tar does not match its diffID or cannot be read
     */
    public AssembledImage assemble(ImageSpec image, ImageOptions options) {
        boolean oci = options.ociTypes() || options.annotations().needsOciTypes();
        List<LayerBlob> blobs = new ArrayList<>(image.layers().size());
        for (ExportLayer layer : image.layers()) {
            blobs.add(layerBlobs.blobFor(layer, options.compression(), oci));
        }
        List<Optional<Instant>> layerTimes = image.layers().stream().map(ExportLayer::created).toList();
        HistoryNormalizer.Result normalized = HistoryNormalizer.normalize(image.config().history(), image.baseHistory(),
                blobs, layerTimes, options.sourceDateEpoch());
        List<Descriptor> layers = normalized.layers().stream().map(LayerBlob::blob).toList();

        byte[] configJson = Json.bytes(finalConfig(image.config(), normalized, options.sourceDateEpoch()));
        Descriptor config = Descriptor.of(oci ? MediaTypes.OCI_CONFIG : MediaTypes.DOCKER_CONFIG,
                put(configJson), configJson.length);

        String manifestType = oci ? MediaTypes.OCI_MANIFEST : MediaTypes.DOCKER_MANIFEST;
        byte[] manifestJson = Json.bytes(new Manifest(2, manifestType, config, layers, options.annotations().manifest()));
        Digest manifestDigest = put(manifestJson);
        Descriptor manifest = new Descriptor(manifestType, manifestDigest.toString(), manifestJson.length,
                options.annotations().indexDescriptor(), null);
        return new AssembledImage(manifest, config, layers);
    }

    private static ImageConfig finalConfig(ImageConfig config, HistoryNormalizer.Result normalized,
                                           Optional<Instant> epoch) {
        List<String> diffIds = normalized.layers().stream().map(l -> l.diffId().toString()).toList();
        String created = config.created() != null ? config.created() : lastCreated(normalized.history());
        if (created != null && epoch.isPresent() && HistoryNormalizer.isAfter(created, epoch.get())) {
            created = epoch.get().toString();
        }
        return config.withRootfs(new ImageConfig.RootFs("layers", diffIds))
                .withHistory(normalized.history())
                .withCreated(created);
    }

    private static String lastCreated(List<ImageConfig.History> history) {
        String last = null;
        for (ImageConfig.History h : history) {
            if (h.created() != null) {
                last = h.created();
            }
        }
        return last;
    }

    private Digest put(byte[] json) {
        return store.put(json, Digest.sha256(json));
    }

    /** The compression an existing blob would be converted from, or a one-line error when it cannot be. */
    static Compression compressionOf(Descriptor blob) {
        return Compression.ofMediaType(blob.mediaType()).orElseThrow(() -> new KilnException(ErrorKind.FAILED_PRECONDITION,
                "cannot convert layer " + blob.digest() + ": unsupported media type " + blob.mediaType()));
    }

    static boolean needsConversion(Descriptor blob, CompressionOptions requested) {
        return requested.force() && compressionOf(blob) != requested.type();
    }
}
