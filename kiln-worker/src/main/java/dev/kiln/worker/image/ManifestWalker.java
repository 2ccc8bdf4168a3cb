package dev.kiln.worker.image;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.core.content.ContentStore;
import dev.kiln.core.json.Json;
import dev.kiln.core.json.JsonException;
import dev.kiln.core.json.JsonObject;
import dev.kiln.core.platform.Platform;
import dev.kiln.core.platform.PlatformMatcher;

import dev.kiln.core.oci.Descriptor;
import dev.kiln.core.oci.Descriptor.OciPlatform;
import dev.kiln.core.oci.ImageConfig;
import dev.kiln.core.oci.Index;
import dev.kiln.core.oci.Manifest;
import dev.kiln.core.oci.MediaTypes;
import dev.kiln.worker.registry.ImageReference;
import dev.kiln.worker.registry.RegistryClient;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Walks from a root descriptor (index or manifest) to the platform's manifest and its config, reading from the
 * content store and asking {@link Fetcher} for anything missing. The same walk serves images from the registry and
 * from the local image store; only the fetcher differs.
 */
final class ManifestWalker {
    private static final int MAX_NESTING = 4;

    /** Makes sure a descriptor's content is in the store (fetching it, or failing). */
    @FunctionalInterface
    interface Fetcher {
        void ensure(Descriptor d);
    }

    private final ContentStore store;

    ManifestWalker(ContentStore store) {
        this.store = store;
    }

    ResolvedImage walk(ImageReference ref, Descriptor root, OciPlatform platform, Fetcher fetcher) {
        Descriptor current = root;
        for (int depth = 0; depth < MAX_NESTING; depth++) {
            fetcher.ensure(current);
            byte[] bytes = store.read(current.parsedDigest(), RegistryClient.MAX_MANIFEST_BYTES);
            if (!isIndex(current, bytes)) {
                return resolved(ref.withDigest(root.parsedDigest()), current, bytes, fetcher);
            }
            Index index = Json.parse(bytes, Index::fromJson, "image index " + current.digest());
            List<Descriptor> manifests = index.manifests() == null ? List.of() : index.manifests();
            current = select(manifests, platform).orElseThrow(() -> noMatch(ref, platform, manifests));
        }
        throw new KilnException(ErrorKind.FAILED_PRECONDITION, ref + ": image indexes nested too deeply");
    }

    private ResolvedImage resolved(ImageReference pinned, Descriptor manifestDesc, byte[] bytes, Fetcher fetcher) {
        Manifest manifest = Json.parse(bytes, Manifest::fromJson, "image manifest " + manifestDesc.digest());
        Descriptor config = manifest.config();
        if (config == null || config.digest() == null) {
            throw new KilnException(ErrorKind.FAILED_PRECONDITION,
                    pinned + ": manifest " + manifestDesc.digest() + " has no config");
        }
        fetcher.ensure(config);
        ImageConfig imageConfig = Json.parse(store.read(config.parsedDigest(), RegistryClient.MAX_CONFIG_BYTES),
                ImageConfig::fromJson, "image config " + config.digest());
        return new ResolvedImage(pinned, manifestDesc.parsedDigest(), manifest, imageConfig,
                manifest.layers() == null ? List.of() : manifest.layers());
    }

    /** The index entry containerd's platform matcher prefers for {@code wanted} (arm64 runs arm/v7, ...). */
    private static Optional<Descriptor> select(List<Descriptor> manifests, OciPlatform wanted) {
        PlatformMatcher matcher = PlatformMatcher.only(Platform.of(wanted));
        return manifests.stream()
                .filter(m -> m.platform() != null && matcher.matches(Platform.of(m.platform())))
                .min((a, b) -> matcher.less(Platform.of(a.platform()), Platform.of(b.platform())) ? -1
                        : matcher.less(Platform.of(b.platform()), Platform.of(a.platform())) ? 1 : 0);
    }

    /** By media type, or, for content found by digest alone, by shape. */
    private static boolean isIndex(Descriptor d, byte[] bytes) {
        if (MediaTypes.isIndex(d.mediaType()) || MediaTypes.isManifest(d.mediaType())) {
            return MediaTypes.isIndex(d.mediaType());
        }
        try {
            return Json.read(bytes) instanceof JsonObject o && o.has("manifests");
        } catch (JsonException e) {
            throw new KilnException(ErrorKind.FAILED_PRECONDITION, "content " + d.digest() + " is not a JSON manifest or index");
        }
    }

    private static KilnException noMatch(ImageReference ref, OciPlatform platform, List<Descriptor> manifests) {
        String available = manifests.stream().filter(m -> m.platform() != null)
                .map(m -> Platform.of(m.platform()).format()).distinct().collect(Collectors.joining(", "));
        return new KilnException(ErrorKind.NOT_FOUND, ref + ": no image for platform " + Platform.of(platform).format()
                + (available.isEmpty() ? "" : " (available: " + available + ")"));
    }
}
