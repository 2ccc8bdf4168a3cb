package dev.kiln.core.content;

import dev.kiln.core.Digest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class LocalContentStoreTest extends ContentStoreContract {
    @TempDir
    Path root;

    @Override
    protected ContentStore newStore() {
        return new LocalContentStore(root);
    }

    @Override
    protected void corrupt(Digest digest) throws IOException {
        Path file = root.resolve("blobs/sha256").resolve(digest.hex());
        byte[] data = Files.readAllBytes(file);
        data[0] ^= 1;
        Files.write(file, data);
    }

    @Test
    void layout_isContainerds() {
        Digest d = store.put("x".getBytes(StandardCharsets.UTF_8), null);
        assertThat(root.resolve("blobs/sha256").resolve(d.hex())).hasContent("x");
        assertThat(store.path(d)).isEqualTo(root.resolve("blobs/sha256").resolve(d.hex()));
    }

    @Test
    void ingestFilesOfLiveWriters_surviveCleaning() throws IOException {
        try (ContentWriter w = store.writer()) {
            w.write(1);
            assertThat(((LocalContentStore) store).removeStaleIngests()).isZero();
            assertThat(Files.list(root.resolve("ingest"))).hasSize(1);
            w.commit(1, null);
        }
        assertThat(Files.list(root.resolve("ingest"))).isEmpty();
    }

    @Test
    void leftoverIngestFile_isRemovedWhenTheStoreOpens() throws IOException {
        Path leftover = root.resolve("ingest/left-by-a-crash");
        Files.write(leftover, "half a blo".getBytes(StandardCharsets.UTF_8));
        new LocalContentStore(root);
        assertThat(leftover).doesNotExist();
        assertThat(store.list()).isEmpty();
    }
}
