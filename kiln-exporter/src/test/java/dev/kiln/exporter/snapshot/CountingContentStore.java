package dev.kiln.exporter.snapshot;

import dev.kiln.core.Digest;
import dev.kiln.core.content.ContentInfo;
import dev.kiln.core.content.ContentStore;
import dev.kiln.core.content.ContentWriter;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A content store that counts the streaming writes made through it: layer blobs are written that way, while
 * manifests and configs go through {@link #put}, which is not counted.
 */
final class CountingContentStore implements ContentStore {
    private final ContentStore store;
    private final AtomicInteger writers = new AtomicInteger();

    CountingContentStore(ContentStore store) {
        this.store = store;
    }

    int layerWrites() {
        return writers.get();
    }

    @Override
    public ContentWriter writer() {
        writers.incrementAndGet();
        return store.writer();
    }

    @Override
    public Digest put(byte[] data, Digest expected) {
        return store.put(data, expected);
    }

    @Override
    public Optional<ContentInfo> info(Digest digest) {
        return store.info(digest);
    }

    @Override
    public InputStream open(Digest digest) {
        return store.open(digest);
    }

    @Override
    public Path path(Digest digest) {
        return store.path(digest);
    }

    @Override
    public boolean delete(Digest digest) {
        return store.delete(digest);
    }

    @Override
    public void walk(Consumer<ContentInfo> visitor) {
        store.walk(visitor);
    }

    @Override
    public boolean verify(Digest digest) {
        return store.verify(digest);
    }
}
