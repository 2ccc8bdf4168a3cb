package dev.kiln.worker.image;

import dev.kiln.core.content.ContentStore;
import dev.kiln.core.oci.Descriptor;
import dev.kiln.core.oci.Descriptor.OciPlatform;
import dev.kiln.worker.registry.ImageReference;
import dev.kiln.worker.registry.RegistryClient;

import java.util.Optional;

/**
 * Where the build gets base images: resolves a reference for a platform to a {@link ResolvedImage}, from the local
 * image store or the registry as the {@link ResolveMode} says. Images in the local store resolve without the
 * network, as long as their manifests and config are in the content store (missing pieces are fetched from the
 * image's registry). A digest reference whose content is already stored also resolves locally.
 */
public final class ImageSource {
    private final ImageStore images;
    private final RegistryClient registry;
    private final ContentStore store;
    private final ManifestWalker walker;

    public ImageSource(ImageStore images, RegistryClient registry) {
        this.images = images;
        this.registry = registry;
        this.store = registry.contentStore();
        this.walker = new ManifestWalker(store);
    }

    /**
     * @throws dev.kiln.core.KilnException as {@link RegistryClient#resolve} does, and NOT_FOUND when the index has
     *                                     no manifest for the platform
     */
    public ResolvedImage resolve(ImageReference ref, OciPlatform platform, ResolveMode mode) {
        ManifestWalker.Fetcher fromRegistry = d -> registry.fetch(ref, d);
        if (mode != ResolveMode.PULL) {
            Optional<Descriptor> local = localRoot(ref);
            if (local.isPresent()) {
                return walker.walk(ref, local.get(), platform, fromRegistry);
            }
        }
        return walker.walk(ref, registry.resolve(ref), platform, fromRegistry);
    }

    /** Fetches the image's layers that are not in the content store yet. */
    public void fetchLayers(ResolvedImage image) {
        registry.fetchAll(image.ref(), image.layers());
    }

    private Optional<Descriptor> localRoot(ImageReference ref) {
        if (ref.digest() != null) {
            return store.info(ref.digest()).map(i -> new Descriptor(null, ref.digest().toString(), i.size(), null, null));
        }
        return images.get(ref).map(ImageRecord::target);
    }
}
