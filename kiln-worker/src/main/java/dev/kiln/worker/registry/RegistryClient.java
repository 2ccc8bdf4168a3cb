package dev.kiln.worker.registry;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.core.content.ContentStore;
import dev.kiln.core.json.Json;
import dev.kiln.core.oci.Descriptor;
import dev.kiln.core.oci.Index;
import dev.kiln.core.oci.Manifest;
import dev.kiln.core.oci.MediaTypes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A Docker Registry HTTP API v2 (OCI Distribution) client that moves content between registries and a
 * {@link ContentStore}. Everything fetched is verified and kept verbatim in the store; nothing is fetched unless
 * asked for (layers are the caller's decision). Pulls try the configured mirrors first, then the origin; pushes go
 * to the origin. At most {@link RegistryOptions#maxConcurrentPerRegistry()} requests run per registry at a time.
 * Thread-safe; share one per build, and close it when done.
 */
public final class RegistryClient implements AutoCloseable {
    /** Manifests and indexes larger than this are refused (containerd uses the same limit). */
    public static final long MAX_MANIFEST_BYTES = 4 << 20;
    /** Image configs are JSON documents; anything this large is hostile. */
    public static final long MAX_CONFIG_BYTES = 8 << 20;

    private final ContentStore store;
    private final RegistryOptions options;
    private final Transports transports = new Transports();
    private final RegistryHosts hosts;
    private final ManifestFetcher manifests;
    private final BlobFetcher blobs;
    private final BlobPusher blobPusher;
    private final ManifestPusher manifestPusher;
    private final Map<String, Semaphore> perRegistry = new ConcurrentHashMap<>();
    private final Map<ImageReference, CompletableFuture<Descriptor>> resolved = new ConcurrentHashMap<>();

    public RegistryClient(ContentStore store, RegistryOptions options) {
        this.store = store;
        this.options = options;
        this.hosts = new RegistryHosts(options.hosts());
        Authorizer authorizer = new Authorizer(options.credentials(), new TokenClient(transports, options.silenceTimeout()));
        RegistryHttp http = new RegistryHttp(transports, authorizer, options.silenceTimeout());
        this.manifests = new ManifestFetcher(http);
        this.blobs = new BlobFetcher(http, store);
        this.blobPusher = new BlobPusher(http, store, options.chunkSize());
        this.manifestPusher = new ManifestPusher(http);
    }

    public ContentStore contentStore() {
        return store;
    }

    /** Shuts down the HTTP connections; requests still running fail. */
    @Override
    public void close() {
        transports.close();
    }

    /**
     * Resolves a tag or digest to the descriptor of its manifest or index, whose bytes are then in the store. A
     * reference is asked for once per client (a client lives for one command): all stages of a build that name the
     * same image get the same manifest, with one request, as with BuildKit's per-build image metadata resolver.
     *
     * @throws KilnException NOT_FOUND ({@code <ref>: not found: <registry's answer>}), UNAVAILABLE (unreachable),
     *                       PERMISSION_DENIED, FAILED_PRECONDITION (digest mismatch, oversized or unsupported manifest)
     */
    public Descriptor resolve(ImageReference ref) {
        CompletableFuture<Descriptor> mine = new CompletableFuture<>();
        CompletableFuture<Descriptor> known = resolved.putIfAbsent(ref, mine);
        if (known != null) {
            return await(known, ref);
        }
        try {
            ManifestFetcher.Fetched f = onPullEndpoints(ref, ep ->
                    manifests.fetch(ep, ref.path(), ref.manifestReference(), null, ref.toString()));
            store.put(f.bytes(), f.descriptor().parsedDigest());
            mine.complete(f.descriptor());
            return f.descriptor();
        } catch (RuntimeException e) {
            resolved.remove(ref, mine); // failures are not remembered: the next caller asks again
            mine.completeExceptionally(e);
            throw e;
        }
    }

    private static Descriptor await(CompletableFuture<Descriptor> pending, ImageReference ref) {
        try {
            return pending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KilnException(ErrorKind.CANCELED, "interrupted while resolving " + ref);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r
                    : new KilnException(ErrorKind.INTERNAL, "resolve " + ref + ": " + e.getCause(), e.getCause());
        }
    }

    /**
     * Makes sure the content of {@code descriptor} (a manifest, index, config or layer of the repository named by
     * {@code repository}) is in the store; does nothing when it already is.
     */
    public void fetch(ImageReference repository, Descriptor descriptor) {
        if (store.exists(descriptor.parsedDigest())) {
            return;
        }
        String subject = repository.name() + "@" + descriptor.digest();
        if (MediaTypes.isIndex(descriptor.mediaType()) || MediaTypes.isManifest(descriptor.mediaType())) {
            ManifestFetcher.Fetched f = onPullEndpoints(repository, ep ->
                    manifests.fetch(ep, repository.path(), descriptor.digest(), descriptor, subject));
            store.put(f.bytes(), f.descriptor().parsedDigest());
            return;
        }
        if (isConfig(descriptor) && descriptor.size() > MAX_CONFIG_BYTES) {
            throw new KilnException(ErrorKind.FAILED_PRECONDITION, subject + ": image config is too large: "
                    + descriptor.size() + " bytes (the limit is " + MAX_CONFIG_BYTES + ")");
        }
        onPullEndpoints(repository, ep -> {
            blobs.fetch(ep, repository.path(), descriptor, subject);
            return null;
        });
    }

    /** {@link #fetch} for many descriptors in parallel (bounded per registry); blobs already stored are skipped. */
    public void fetchAll(ImageReference repository, List<Descriptor> descriptors) {
        Parallel.forEach(descriptors.stream().filter(d -> !store.exists(d.parsedDigest())).toList(),
                d -> fetch(repository, d));
    }

    /** Whether the origin registry has the blob in the repository ({@code HEAD}). */
    public boolean exists(ImageReference repository, Descriptor blob) {
        Endpoint ep = hosts.pushEndpoint(repository.domain());
        String subject = repository.name() + "@" + blob.digest();
        return limited(repository, () -> retry().run(() -> blobPusher.exists(ep, repository.path(), blob,
                Set.of(Authorizer.pullScope(repository.path())), subject)));
    }

    /**
     * Uploads a blob from the store unless the repository already has it.
     *
     * @param mountFrom a repository the blob came from; when it is on the same registry the blob is mounted
     *                  instead of uploaded (may be null)
     */
    public void pushBlob(ImageReference target, Descriptor blob, ImageReference mountFrom) {
        Endpoint ep = hosts.pushEndpoint(target.domain());
        String from = mountFrom != null && mountFrom.domain().equals(target.domain())
                && !mountFrom.path().equals(target.path()) ? mountFrom.path() : null;
        String subject = target.name() + "@" + blob.digest();
        limited(target, () -> retry().run(() -> {
            blobPusher.push(ep, target.path(), blob, from, subject);
            return null;
        }));
    }

    /** Uploads a manifest or index from the store under {@code reference} (a tag, or its digest). */
    public void pushManifest(ImageReference target, String reference, Descriptor manifest) {
        Endpoint ep = hosts.pushEndpoint(target.domain());
        byte[] bytes = store.read(manifest.parsedDigest(), MAX_MANIFEST_BYTES);
        String subject = target.name() + ":" + reference;
        limited(target, () -> retry().run(() -> {
            manifestPusher.push(ep, target.path(), reference, manifest.mediaType(), bytes, subject);
            return null;
        }));
    }

    /**
     * Pushes an image from the store: for an index every child manifest (by digest), for each manifest its config
     * and layers (in parallel) and then the manifest; finally {@code root} under the target's tag (or digest).
     */
    public void push(ImageReference target, Descriptor root, ImageReference mountFrom) {
        pushTree(target, root, mountFrom);
        pushManifest(target, target.tag() != null ? target.tag() : root.digest(), root);
    }

    private void pushTree(ImageReference target, Descriptor d, ImageReference mountFrom) {
        byte[] bytes = store.read(d.parsedDigest(), MAX_MANIFEST_BYTES);
        if (MediaTypes.isIndex(d.mediaType())) {
            for (Descriptor child : Json.parse(bytes, Index::fromJson, "image index " + d.digest()).manifests()) {
                pushTree(target, child, mountFrom);
                pushManifest(target, child.digest(), child);
            }
        } else if (MediaTypes.isManifest(d.mediaType())) {
            Manifest m = Json.parse(bytes, Manifest::fromJson, "image manifest " + d.digest());
            List<Descriptor> all = new ArrayList<>(m.layers() == null ? List.of() : m.layers());
            all.add(m.config());
            Parallel.forEach(all, blob -> pushBlob(target, blob, mountFrom));
        } else {
            throw new KilnException(ErrorKind.FAILED_PRECONDITION,
                    "cannot push " + d.digest() + ": unsupported media type " + d.mediaType());
        }
    }

    /** Mirrors get one attempt each and their failures move on to the next endpoint; the origin's answer stands. */
    private <T> T onPullEndpoints(ImageReference ref, Function<Endpoint, T> op) {
        List<Endpoint> endpoints = hosts.pullEndpoints(ref.domain());
        for (Endpoint ep : endpoints) {
            try {
                return limited(ref, () -> ep.mirror() ? op.apply(ep) : retry().run(() -> op.apply(ep)));
            } catch (KilnException e) {
                if (!ep.mirror()) {
                    throw e;
                }
            }
        }
        throw new IllegalStateException("no origin endpoint for " + ref.domain());
    }

    private <T> T limited(ImageReference ref, Supplier<T> op) {
        Semaphore permits = perRegistry.computeIfAbsent(ref.domain(),
                d -> new Semaphore(options.maxConcurrentPerRegistry()));
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KilnException(ErrorKind.CANCELED, "interrupted while waiting for registry " + ref.domain());
        }
        try {
            return op.get();
        } finally {
            permits.release();
        }
    }

    private Retry retry() {
        return new Retry(options.initialBackoff(), options.maxAttempts());
    }

    private static boolean isConfig(Descriptor d) {
        return MediaTypes.OCI_CONFIG.equals(d.mediaType()) || MediaTypes.DOCKER_CONFIG.equals(d.mediaType());
    }
}
