package dev.kiln.cli.build;

import dev.kiln.cli.progress.PlainProgress;
import dev.kiln.core.oci.ImageConfig;
import dev.kiln.core.platform.Platform;
import dev.kiln.frontend.dockerfile.convert.ImageMetadataResolver;
import dev.kiln.frontend.dockerfile.convert.ResolvedBaseImage;
import dev.kiln.worker.image.ImageSource;
import dev.kiln.worker.image.ResolveMode;
import dev.kiln.worker.image.ResolvedImage;
import dev.kiln.worker.registry.ImageReference;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Resolves base images for the frontend through the engine's image source (local image store first,
 * then the registry), showing BuildKit's {@code [internal] load metadata for ...} step once per image and
 * platform (stages naming the same base share one resolution, as with BuildKit's per-build metadata resolver), and
 * remembers what it resolved so the exporter can tell the base image's history from the build's own.
 */
public final class EngineImageResolver implements ImageMetadataResolver {
    private final ImageSource images;
    private final ResolveMode mode;
    private final PlainProgress progress;
    private final List<ImageConfig> resolved = new CopyOnWriteArrayList<>();
    private final Map<String, ResolvedBaseImage> byImage = new ConcurrentHashMap<>();

    public EngineImageResolver(ImageSource images, ResolveMode mode, PlainProgress progress) {
        this.images = images;
        this.mode = mode;
        this.progress = progress;
    }

    @Override
    public ResolvedBaseImage resolve(String normalizedRef, Platform platform) {
        String id = "metadata:" + normalizedRef + ":" + platform.format();
        return byImage.computeIfAbsent(id, k -> load(id, normalizedRef, platform));
    }

    private ResolvedBaseImage load(String id, String normalizedRef, Platform platform) {
        long start = System.nanoTime();
        progress.started(id, "[internal] load metadata for " + normalizedRef, start);
        try {
            ResolvedImage image = images.resolve(ImageReference.parse(normalizedRef), platform.toOci(), mode);
            resolved.add(image.config());
            progress.completed(id, System.nanoTime());
            return new ResolvedBaseImage(image.ref().toString(), image.config());
        } catch (RuntimeException e) {
            progress.failed(id, e.getMessage(), false, System.nanoTime());
            throw e;
        }
    }

    /** The history of the resolved base image that {@code image}'s history starts with (empty for scratch). */
    List<ImageConfig.History> baseHistoryOf(ImageConfig image) {
        List<ImageConfig.History> history = image.history() == null ? List.of() : image.history();
        List<ImageConfig.History> best = List.of();
        for (ImageConfig base : resolved) {
            List<ImageConfig.History> h = base.history() == null ? List.of() : base.history();
            if (h.size() > best.size() && h.size() <= history.size() && history.subList(0, h.size()).equals(h)) {
                best = h;
            }
        }
        return best;
    }
}
