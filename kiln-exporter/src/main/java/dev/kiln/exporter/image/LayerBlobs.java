package dev.kiln.exporter.image;

import dev.kiln.core.Digest;
import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.core.content.ContentInfo;
import dev.kiln.core.content.ContentStore;
import dev.kiln.core.oci.Descriptor;
import dev.kiln.exporter.compress.CompressedLayer;
import dev.kiln.exporter.compress.Compression;
import dev.kiln.exporter.compress.CompressionOptions;
import dev.kiln.exporter.compress.LayerCompressor;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Produces the blob for each layer: existing blobs are reused (with the media type of the requested family) unless
 * {@code force-compression} asks for another compression; new tars are compressed into the store. Blobs made here
 * are remembered by diffID and compression, so several outputs of one build share the work.
 */
final class LayerBlobs {
    private final ContentStore store;
    private final Map<Variant, CompressedLayer> made = new ConcurrentHashMap<>();

    private record Variant(Digest diffId, Compression type, int level) {
    }

    LayerBlobs(ContentStore store) {
        this.store = store;
    }

    LayerBlob blobFor(ExportLayer layer, CompressionOptions requested, boolean oci) {
        return switch (layer) {
            case ExportLayer.Existing existing -> existing(existing, requested, oci);
            case ExportLayer.New fresh -> made(fresh.diffId(), fresh.tar(), requested, oci);
        };
    }

    private LayerBlob existing(ExportLayer.Existing layer, CompressionOptions requested, boolean oci) {
        Digest digest = layer.blob().parsedDigest();
        ContentInfo info = store.info(digest).orElseThrow(() -> new KilnException(ErrorKind.NOT_FOUND,
                "layer blob " + digest + " (diffID " + layer.diffId() + ") is not in the content store"));
        if (ImageAssembler.needsConversion(layer.blob(), requested)) {
            Compression from = ImageAssembler.compressionOf(layer.blob());
            return made(layer.diffId(), () -> from.decompressing(store.open(digest)), requested, oci);
        }
        String mediaType = Compression.ofMediaType(layer.blob().mediaType())
                .map(c -> c.layerMediaType(oci))
                .orElse(layer.blob().mediaType());
        return new LayerBlob(new Descriptor(mediaType, digest.toString(), info.size(), null, null), layer.diffId());
    }

    private LayerBlob made(Digest diffId, ExportLayer.TarSource tar, CompressionOptions requested, boolean oci) {
        Variant variant = new Variant(diffId, requested.type(), requested.level());
        CompressedLayer blob = made.get(variant);
        if (blob == null) {
            blob = compress(diffId, tar, requested);
            made.putIfAbsent(variant, blob);
        }
        Descriptor descriptor = new Descriptor(requested.type().layerMediaType(oci), blob.blobDigest().toString(),
                blob.blobSize(), null, null);
        return new LayerBlob(descriptor, diffId);
    }

    private CompressedLayer compress(Digest diffId, ExportLayer.TarSource tar, CompressionOptions requested) {
        CompressedLayer blob;
        try (InputStream in = tar.open()) {
            blob = LayerCompressor.compress(in, store, requested.type(), requested.level());
        } catch (IOException e) {
            throw new KilnException(ErrorKind.INTERNAL, "compressing layer " + diffId + ": " + e.getMessage(), e);
        }
        if (!blob.diffId().equals(diffId)) {
            throw new KilnException(ErrorKind.INTERNAL,
                    "layer tar does not match its diffID: expected " + diffId + ", read " + blob.diffId());
        }
        return blob;
    }
}
