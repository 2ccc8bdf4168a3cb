package dev.kiln.worker.image;

import dev.kiln.core.Digest;
import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.core.json.JacksonOracle;
import dev.kiln.core.json.RandomValues;
import dev.kiln.core.json.SameJson;
import dev.kiln.core.oci.OciSamples;
import dev.kiln.core.oci.Descriptor;
import dev.kiln.core.oci.MediaTypes;
import dev.kiln.worker.registry.ImageReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalImageStoreTest {
    @TempDir
    Path state;

    /** The file's shape, as Jackson serializes it: the differential oracle for images.json. */
    private record StoreFile(List<Entry> images) {
    }

    private record Entry(String name, Descriptor target, String created) {
    }

    private static Descriptor index(String seed) {
        return Descriptor.of(MediaTypes.OCI_INDEX, Digest.sha256(seed), seed.length() * 10L);
    }

    @Test
    void put_get_list_remove_underNormalisedNames() {
        LocalImageStore store = new LocalImageStore(state);
        Instant before = Instant.now();
        ImageRecord added = store.put(ImageReference.parse("busybox"), index("a"));
        store.put(ImageReference.parse("127.0.0.1:5000/app:v1"), index("b"));

        assertThat(added.name()).isEqualTo("docker.io/library/busybox:latest");
        assertThat(added.created()).isBetween(before, Instant.now());
        assertThat(store.get(ImageReference.parse("docker.io/library/busybox:latest"))).contains(added);
        assertThat(store.list()).extracting(ImageRecord::name, ImageRecord::digest, ImageRecord::size).containsExactly(
                org.assertj.core.groups.Tuple.tuple("127.0.0.1:5000/app:v1", Digest.sha256("b"), 10L),
                org.assertj.core.groups.Tuple.tuple("docker.io/library/busybox:latest", Digest.sha256("a"), 10L));
        assertThat(store.remove(ImageReference.parse("busybox:latest"))).isTrue();
        assertThat(store.remove(ImageReference.parse("busybox:latest"))).isFalse();
        assertThat(store.list()).extracting(ImageRecord::name).containsExactly("127.0.0.1:5000/app:v1");
    }

    /** images.json from an earlier Kiln (written by Jackson) reads the same, and is rewritten byte for byte. */
    @Test
    void theFileIsReadAndWrittenAsJacksonDid() throws Exception {
        OciSamples samples = new OciSamples(new RandomValues(1));
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Descriptor d = samples.descriptor();
            entries.add(new Entry("127.0.0.1:5000/app:v" + i, new Descriptor(d.mediaType(), Digest.sha256("" + i)
                    .toString(), d.size(), d.annotations(), d.platform()), Instant.ofEpochSecond(i * 1000L).toString()));
        }
        byte[] old = JacksonOracle.mapper().writeValueAsBytes(new StoreFile(entries));
        Files.write(state.resolve("images.json"), old);
        LocalImageStore store = new LocalImageStore(state);
        assertThat(store.list()).extracting(ImageRecord::name).containsExactlyElementsOf(
                entries.stream().map(Entry::name).sorted().toList());
        store.remove(ImageReference.parse("127.0.0.1:5000/app:nothing"));
        SameJson.assertSame(Files.readAllBytes(state.resolve("images.json")), old, "images.json");
    }

    @Test
    void put_replacesTheTargetOfAnExistingName() {
        LocalImageStore store = new LocalImageStore(state);
        store.put(ImageReference.parse("app"), index("old"));
        store.put(ImageReference.parse("app"), index("new"));
        assertThat(store.list()).singleElement().satisfies(r -> assertThat(r.digest()).isEqualTo(Digest.sha256("new")));
    }

    @Test
    void put_ofTheSameTarget_keepsTheRecordAndTheFile() throws Exception {
        LocalImageStore store = new LocalImageStore(state);
        ImageRecord first = store.put(ImageReference.parse("app"), index("same"));
        FileTime written = Files.getLastModifiedTime(state.resolve("images.json"));
        Thread.sleep(20);
        assertThat(store.put(ImageReference.parse("app"), index("same"))).isEqualTo(first);
        assertThat(Files.getLastModifiedTime(state.resolve("images.json"))).isEqualTo(written);
    }

    @Test
    void records_surviveReopening_andTheFileIsOnlyEverReplacedWhole() throws Exception {
        ImageRecord added = new LocalImageStore(state).put(ImageReference.parse("app"), index("x"));
        // A crash between writing the temp file and renaming it leaves a stray temp file: it is ignored.
        Files.writeString(state.resolve(".images.json.kiln-crashed.tmp"), "{\"images\": [ {\"name\": \"half");
        LocalImageStore reopened = new LocalImageStore(state);
        assertThat(reopened.get(ImageReference.parse("app"))).contains(added);
        try (var files = Files.list(state)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("images.json", "images.lock", ".images.json.kiln-crashed.tmp");
        }
    }

    @Test
    void concurrentWriters_loseNoUpdate() throws Exception {
        List<Future<?>> done = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < 20; i++) {
                int n = i;
                // Separate instances on the same directory, as separate builds would have.
                done.add(pool.submit(() -> new LocalImageStore(state).put(ImageReference.parse("app:" + n), index("i" + n))));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }
        assertThat(new LocalImageStore(state).list()).hasSize(20);
    }

    @Test
    void corruptFile_isReportedNotIgnored() throws Exception {
        Files.writeString(state.resolve("images.json"), "{not json");
        assertThatThrownBy(() -> new LocalImageStore(state).list())
                .isInstanceOfSatisfying(KilnException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT))
                .hasMessageStartingWith("malformed image store " + state.resolve("images.json"));
    }
}
