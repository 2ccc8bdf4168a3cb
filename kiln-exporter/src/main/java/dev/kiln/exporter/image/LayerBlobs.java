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
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Produces the blob for each layer: existing blobs are reused (with the media type of the requested family) unless
 * {@code force-compression} asks for another compression; new tars are compressed into the store. Blobs made here
 * are remembered by diffID and compression, so several outputs of one build share the work, and built layers
 * remember theirs across builds (see {@link #built}).
 */
final class LayerBlobs {
    private final ContentStore store;
    private final Map<Variant, CompressedLayer> made = new ConcurrentHashMap<>();

    private record Variant(Digest diffId, String compression) {
    }

    LayerBlobs(ContentStore store) {
        this.store = store;
    }

    LayerBlob blobFor(ExportLayer layer, CompressionOptions requested, boolean oci) {
        return switch (layer) {
            case ExportLayer.Existing existing -> existing(existing, requested, oci);
            case ExportLayer.New fresh -> made(fresh.diffId(), fresh.tar(), requested, oci);
            case ExportLayer.Built built -> built(built, requested, oci);
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

    /**
     * A built layer always gets the requested compression, as a new tar does ({@code force-compression} does not
     * matter), so the image never depends on what was exported before. The blob remembered for that compression is
     * reused while the store still has it ({@code kiln prune} may have deleted it). Otherwise the blob is made, from
     * another remembered blob when one is still stored (decompressing it is cheaper than a diff, and gives the same
     * tar) or else from the layer's tar, and remembered.
     */
    private LayerBlob built(ExportLayer.Built layer, CompressionOptions requested, boolean oci) {
        Optional<ExportLayer.Built.Remembered> remembered = layer.remembered();
        Optional<Descriptor> same = remembered.map(r -> r.blobs().get(requested.variant())).flatMap(this::stored);
        if (same.isPresent()) {
            Descriptor blob = new Descriptor(requested.type().layerMediaType(oci), same.get().digest(),
                    same.get().size(), null, null);
            return new LayerBlob(blob, remembered.get().diffId());
        }
        Optional<Descriptor> source = remembered.flatMap(this::anyStored);
        LayerBlob blob;
        if (source.isPresent()) {
            Compression from = Compression.ofMediaType(source.get().mediaType()).orElseThrow();
            Digest digest = source.get().parsedDigest();
            blob = made(remembered.get().diffId(), () -> from.decompressing(store.open(digest)), requested, oci);
        } else {
            ExportLayer.New tar = layer.tar();
            blob = made(tar.diffId(), tar.tar(), requested, oci);
        }
        layer.remember(blob.diffId(), requested.variant(), blob.blob());
        return blob;
    }

    /** A remembered blob the store still has, in a compression that can be undone. */
    private Optional<Descriptor> anyStored(ExportLayer.Built.Remembered remembered) {
        return remembered.blobs().values().stream()
                .filter(b -> Compression.ofMediaType(b.mediaType()).isPresent())
                .flatMap(b -> stored(b).stream())
                .findFirst();
    }

    /** {@code blob} with the size the store has, or empty when the store no longer has it. */
    private Optional<Descriptor> stored(Descriptor blob) {
        return store.info(blob.parsedDigest())
                .map(info -> new Descriptor(blob.mediaType(), blob.digest(), info.size(), null, null));
    }

    private LayerBlob made(Digest diffId, ExportLayer.TarSource tar, CompressionOptions requested, boolean oci) {
        Variant variant = new Variant(diffId, requested.variant());
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
