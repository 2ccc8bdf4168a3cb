package dev.kiln.worker.ops;

import dev.kiln.core.Digest;
import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.core.content.ContentStore;
import dev.kiln.core.oci.Descriptor;
import dev.kiln.core.platform.Platform;
import dev.kiln.graph.Node;
import dev.kiln.graph.SourceOp;
import dev.kiln.solver.WorkerSpi;
import dev.kiln.worker.image.ImageSource;
import dev.kiln.worker.image.ResolveMode;
import dev.kiln.worker.image.ResolvedImage;
import dev.kiln.worker.layer.ApplyOptions;
import dev.kiln.worker.layer.LayerApplier;
import dev.kiln.worker.registry.ImageReference;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * A {@code docker-image://} source: resolved to its platform manifest (the cache key), then its layers
 * fetched and unpacked into a chain of snapshots named by chain ID, so every image sharing a layer
 * prefix shares the snapshots. Layers are pulled only when the build needs the filesystem.
 */
final class ImageSourceHandler implements WorkerSpi.OpHandler {
    private final Node node;
    private final SourceOp op;
    private final WorkerContext worker;
    private final ImageSource images;
    private final ContentStore content;
    private final LayerApplier applier;
    private ResolvedImage resolved;

    ImageSourceHandler(Node node, SourceOp op, WorkerContext worker, ImageSource images, ContentStore content,
                       LayerApplier applier) {
        this.node = node;
        this.op = op;
        this.worker = worker;
        this.images = images;
        this.content = content;
        this.applier = applier;
    }

    @Override
    public WorkerSpi.CacheMap cacheMap(WorkerSpi.OpContext ctx) {
        ResolvedImage image = resolve();
        return new WorkerSpi.CacheMap(Digest.sha256("docker-image://" + image.manifestDigest()), List.of());
    }

    @Override
    public List<WorkerSpi.Result> exec(WorkerSpi.OpContext ctx, List<WorkerSpi.Result> inputs) {
        ResolvedImage image = resolve();
        images.fetchLayers(image);
        List<String> diffIds = image.config().rootfs() == null ? List.of() : image.config().rootfs().diffIds();
        if (diffIds.size() != image.layers().size()) {
            throw new KilnException(ErrorKind.INVALID_ARGUMENT, image.ref() + ": the config lists " + diffIds.size()
                    + " layers but the manifest " + image.layers().size());
        }
        String parent = null;
        Digest chain = null;
        for (int i = 0; i < diffIds.size(); i++) {
            Digest diffId = Digest.parse(diffIds.get(i));
            chain = chain == null ? diffId : Digest.sha256(chain + " " + diffId);
            String name = LayerLabels.snapshotName(chain);
            if (worker.load(name).isEmpty()) {
                ctx.status("extracting " + image.layers().get(i).digest(), 0, 0);
                unpack(name, parent, image.layers().get(i), diffId);
            }
            parent = name;
        }
        if (parent == null) {
            throw new KilnException(ErrorKind.INVALID_ARGUMENT, image.ref() + " has no layers");
        }
        return List.of(worker.result(parent));
    }

    private void unpack(String name, String parent, Descriptor blob, Digest diffId) {
        try (InputStream in = content.open(blob.parsedDigest())) {
            applier.applyToSnapshot(worker.snapshotter(), name, parent, in, diffId, ApplyOptions.plain(),
                    LayerLabels.of(blob));
        } catch (KilnException e) {
            // another build unpacked the same layer meanwhile: its snapshot is as good as ours
            if (e.kind() != ErrorKind.ALREADY_EXISTS) {
                throw e;
            }
        } catch (IOException e) {
            throw new KilnException(ErrorKind.INTERNAL, "read layer " + blob.digest() + ": " + e.getMessage(), e);
        }
    }

    private synchronized ResolvedImage resolve() {
        if (resolved == null) {
            ImageReference ref = ImageReference.parse(op.identifier().substring(SourceOp.IMAGE_SCHEME.length()));
            Platform platform = node.platform() == null ? Platform.host() : Platform.parse(node.platform());
            ResolveMode mode = ResolveMode.parse(op.attrs().getOrDefault("image.resolvemode", "default"));
            resolved = images.resolve(ref, platform.toOci(), mode);
        }
        return resolved;
    }
}
