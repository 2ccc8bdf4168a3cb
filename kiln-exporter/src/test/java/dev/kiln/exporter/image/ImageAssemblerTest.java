package dev.kiln.exporter.image;

import dev.kiln.core.Digest;
import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.core.content.ContentStore;
import dev.kiln.core.content.LocalContentStore;
import dev.kiln.core.json.Json;
import dev.kiln.core.oci.ContainerConfig;
import dev.kiln.core.oci.Descriptor;
import dev.kiln.core.oci.ImageConfig;
import dev.kiln.core.oci.ImageConfig.History;
import dev.kiln.core.oci.Manifest;
import dev.kiln.core.oci.MediaTypes;
import dev.kiln.exporter.compress.Compression;
import dev.kiln.exporter.compress.CompressionOptions;
import dev.kiln.exporter.compress.LayerCompressor;
import dev.kiln.exporter.testing.SampleData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageAssemblerTest {
    private static final Instant EPOCH = Instant.parse("2024-01-01T00:00:00Z");
    private static final byte[] TAR_A = SampleData.compressible(70_000, 1);
    private static final byte[] TAR_B = SampleData.compressible(300_000, 2);
    private static final byte[] EMPTY_TAR = new byte[1024];

    @TempDir
    Path tmp;

    private ContentStore store;
    private ImageAssembler assembler;

    private void open(String name) {
        store = new LocalContentStore(tmp.resolve(name));
        assembler = new ImageAssembler(store);
    }

    private static ExportLayer.New layer(byte[] tar) {
        return new ExportLayer.New(() -> new ByteArrayInputStream(tar), Digest.sha256(tar));
    }

    private static History step(String created, String createdBy, boolean empty) {
        return new History(created, createdBy, null, null, empty);
    }

    private static ImageConfig config(String created, List<History> history) {
        return new ImageConfig(created, null, "amd64", "linux", null, null,
                ContainerConfig.empty(), null, history);
    }

    private static ImageOptions options(CompressionOptions compression, boolean oci, Annotations annotations,
                                        Optional<Instant> epoch) {
        return new ImageOptions(List.of(), compression, oci, annotations, epoch);
    }

    private static ImageOptions gzipOci() {
        return options(CompressionOptions.DEFAULT, true, Annotations.NONE, Optional.empty());
    }

    private Manifest manifest(AssembledImage image) {
        return Json.parse(store.read(image.manifest().parsedDigest(), 1 << 20), Manifest::fromJson, "manifest");
    }

    private ImageConfig configOf(AssembledImage image) {
        return Json.parse(store.read(image.config().parsedDigest(), 1 << 20), ImageConfig::fromJson, "config");
    }

    private byte[] tarOf(Descriptor layer) throws IOException {
        Compression c = Compression.ofMediaType(layer.mediaType()).orElseThrow();
        return c.decompressing(store.open(layer.parsedDigest())).readAllBytes();
    }

    @Test
    void assemble_newLayers_writesOciManifestConfigAndGzipBlobs() throws IOException {
        open("s");
        List<History> history = List.of(step("2024-02-01T00:00:00Z", "COPY a /", false),
                step("2024-02-02T00:00:00Z", "ENV X=1", true), step("2024-02-03T00:00:00Z", "RUN b", false));

        AssembledImage image = assembler.assemble(new ImageSpec(config(null, history), List.of(layer(TAR_A), layer(TAR_B))),
                gzipOci());

        Manifest m = manifest(image);
        assertThat(m.mediaType()).isEqualTo(MediaTypes.OCI_MANIFEST);
        assertThat(m.config()).isEqualTo(image.config());
        assertThat(m.config().mediaType()).isEqualTo(MediaTypes.OCI_CONFIG);
        assertThat(m.layers()).extracting(Descriptor::mediaType).containsOnly(MediaTypes.OCI_LAYER_GZIP);
        assertThat(tarOf(m.layers().get(0))).isEqualTo(TAR_A);
        assertThat(tarOf(m.layers().get(1))).isEqualTo(TAR_B);
        ImageConfig c = configOf(image);
        assertThat(c.rootfs().diffIds()).containsExactly(Digest.sha256(TAR_A).toString(), Digest.sha256(TAR_B).toString());
        assertThat(c.history()).isEqualTo(history);
        assertThat(c.created()).as("the last history time").isEqualTo("2024-02-03T00:00:00Z");
        assertThat(image.manifest().parsedDigest()).isEqualTo(Digest.sha256(store.read(image.manifest().parsedDigest(), 1 << 20)));
    }

    @Test
    void assemble_dockerTypes_useSchema2MediaTypes_exceptZstdWhichHasNone() {
        open("s");
        ImageSpec spec = new ImageSpec(config(null, null), List.of(layer(TAR_A)));

        AssembledImage gzip = assembler.assemble(spec, options(CompressionOptions.DEFAULT, false, Annotations.NONE, Optional.empty()));
        AssembledImage zstd = assembler.assemble(spec, options(CompressionOptions.of(Compression.ZSTD), false,
                Annotations.NONE, Optional.empty()));

        assertThat(gzip.manifest().mediaType()).isEqualTo(MediaTypes.DOCKER_MANIFEST);
        assertThat(gzip.config().mediaType()).isEqualTo(MediaTypes.DOCKER_CONFIG);
        assertThat(gzip.layers().getFirst().mediaType()).isEqualTo(MediaTypes.DOCKER_LAYER_GZIP);
        assertThat(zstd.layers().getFirst().mediaType()).isEqualTo(MediaTypes.OCI_LAYER_ZSTD);
    }

    @Test
    void assemble_existingLayer_isReusedAsIs_andConvertedOnlyWhenForced() throws IOException {
        open("s");
        var base = LayerCompressor.compress(new ByteArrayInputStream(TAR_A), store, Compression.GZIP, 6);
        Descriptor pulled = Descriptor.of(MediaTypes.DOCKER_LAYER_GZIP, base.blobDigest(), base.blobSize());
        ImageSpec spec = new ImageSpec(config(null, null), List.of(new ExportLayer.Existing(pulled, base.diffId())));

        Descriptor reused = assembler.assemble(spec, options(CompressionOptions.of(Compression.ZSTD), true,
                Annotations.NONE, Optional.empty())).layers().getFirst();
        Descriptor forced = assembler.assemble(spec, options(new CompressionOptions(Compression.ZSTD, 3, true), true,
                Annotations.NONE, Optional.empty())).layers().getFirst();

        assertThat(reused).isEqualTo(Descriptor.of(MediaTypes.OCI_LAYER_GZIP, base.blobDigest(), base.blobSize()));
        assertThat(forced.mediaType()).isEqualTo(MediaTypes.OCI_LAYER_ZSTD);
        assertThat(forced.digest()).isNotEqualTo(pulled.digest());
        assertThat(tarOf(forced)).isEqualTo(TAR_A);
    }

    @Test
    void assemble_existingLayerMissingFromStore_isNotFound() {
        open("s");
        Digest absent = Digest.sha256("nothing");
        ImageSpec spec = new ImageSpec(config(null, null), List.of(new ExportLayer.Existing(
                Descriptor.of(MediaTypes.OCI_LAYER_GZIP, absent, 7), Digest.sha256(TAR_A))));

        assertThatThrownBy(() -> assembler.assemble(spec, gzipOci()))
                .isInstanceOfSatisfying(KilnException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND))
                .hasMessageContaining("layer blob " + absent + " (diffID " + Digest.sha256(TAR_A) + ") is not in the content store");
    }

    @Test
    void assemble_tarNotMatchingItsDiffId_fails() {
        open("s");
        ImageSpec spec = new ImageSpec(config(null, null), List.of(
                new ExportLayer.New(() -> new ByteArrayInputStream(TAR_B), Digest.sha256(TAR_A))));

        assertThatThrownBy(() -> assembler.assemble(spec, gzipOci()))
                .isInstanceOfSatisfying(KilnException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.INTERNAL))
                .hasMessage("layer tar does not match its diffID: expected " + Digest.sha256(TAR_A) + ", read " + Digest.sha256(TAR_B));
    }

    @Test
    void assemble_historyAndLayersDisagree_areAlignedLikeBuildKit() {
        open("s");
        List<History> tooFew = List.of(step("2024-02-01T00:00:00Z", "COPY a /", false));
        List<History> tooMany = List.of(step(null, "RUN 1", false), step(null, "RUN 2", false), step(null, "RUN 3", false));

        ImageConfig added = configOf(assembler.assemble(new ImageSpec(config(null, tooFew),
                List.of(layer(TAR_A), layer(TAR_B))), gzipOci()));
        ImageConfig marked = configOf(assembler.assemble(new ImageSpec(config(null, tooMany),
                List.of(layer(TAR_A))), gzipOci()));

        assertThat(added.history()).hasSize(2);
        assertThat(added.history().get(1).comment()).isEqualTo("buildkit.exporter.image.v0");
        assertThat(added.history().get(1).emptyLayer()).isFalse();
        assertThat(marked.history()).extracting(History::emptyLayer).containsExactly(false, true, true);
    }

    @Test
    void assemble_emptyTarLayer_isDroppedAndItsHistoryMarkedEmpty() {
        open("s");
        List<History> history = List.of(step("2024-02-01T00:00:00Z", "RUN true", false),
                step("2024-02-02T00:00:00Z", "COPY a /", false));

        AssembledImage image = assembler.assemble(new ImageSpec(config(null, history),
                List.of(layer(EMPTY_TAR), layer(TAR_A))), gzipOci());

        assertThat(image.layers()).hasSize(1);
        ImageConfig c = configOf(image);
        assertThat(c.rootfs().diffIds()).containsExactly(Digest.sha256(TAR_A).toString());
        assertThat(c.history()).extracting(History::emptyLayer).containsExactly(true, false);
    }

    @Test
    void assemble_missingTimes_takeTheFirstNewTimeOrThePreviousOne() {
        open("s");
        List<History> history = List.of(step("2020-01-01T00:00:00Z", "base", false), step(null, "ENV A=1", true),
                step("2024-03-01T00:00:00Z", "RUN x", false), step(null, "LABEL l=1", true));

        ImageConfig c = configOf(assembler.assemble(new ImageSpec(config(null, history),
                List.of(layer(TAR_A), layer(TAR_B))), gzipOci()));

        assertThat(c.history()).extracting(History::created).containsExactly(
                "2020-01-01T00:00:00Z", "2024-03-01T00:00:00Z", "2024-03-01T00:00:00Z", "2024-03-01T00:00:00Z");
    }

    @Test
    void assemble_sourceDateEpoch_clampsNewTimesButKeepsTheBaseImageHistory() {
        open("s");
        History base = step("2030-01-01T00:00:00Z", "base from the future", false);
        List<History> history = List.of(base, step("2025-05-05T00:00:00Z", "RUN late", false),
                step("2023-01-01T00:00:00Z", "RUN early", false), step(null, "ENV untimed", true));

        ImageConfig c = configOf(assembler.assemble(new ImageSpec(config("2025-06-01T00:00:00Z", history),
                        List.of(layer(TAR_A), layer(TAR_B), layer(SampleData.compressible(100, 3))), List.of(base)),
                options(CompressionOptions.DEFAULT, true, Annotations.NONE, Optional.of(EPOCH))));

        // The untimed entry first inherits its predecessor's time, which is already before the epoch.
        assertThat(c.history()).extracting(History::created).containsExactly(
                "2030-01-01T00:00:00Z", "2024-01-01T00:00:00Z", "2023-01-01T00:00:00Z", "2023-01-01T00:00:00Z");
        assertThat(c.created()).isEqualTo("2024-01-01T00:00:00Z");
    }

    @Test
    void assemble_annotations_landOnManifestAndLayoutDescriptor_andForceOciTypes() {
        open("s");
        Annotations a = Annotations.NONE
                .with("annotation.org.opencontainers.image.title", "t", "linux/amd64")
                .with("annotation[linux/amd64].only.amd64", "yes", "linux/amd64")
                .with("annotation[linux/arm64].only.arm64", "no", "linux/amd64")
                .with("annotation-index-descriptor.idx", "d", "linux/amd64");

        AssembledImage image = assembler.assemble(new ImageSpec(config(null, null), List.of(layer(TAR_A))),
                options(CompressionOptions.DEFAULT, false, a, Optional.empty()));

        assertThat(manifest(image).annotations()).isEqualTo(Map.of("org.opencontainers.image.title", "t", "only.amd64", "yes"));
        assertThat(image.manifest().annotations()).isEqualTo(Map.of("idx", "d"));
        assertThat(image.manifest().mediaType()).isEqualTo(MediaTypes.OCI_MANIFEST);
    }

    @Test
    void assemble_sameInputsInFreshStores_giveSameDigests() {
        List<History> history = List.of(step(null, "COPY", false), step(null, "RUN", false));
        ImageSpec spec = new ImageSpec(config(null, history), List.of(layer(TAR_A), layer(TAR_B)));
        ImageOptions zstd = options(CompressionOptions.of(Compression.ZSTD), true, Annotations.NONE, Optional.of(EPOCH));

        open("first");
        AssembledImage first = assembler.assemble(spec, gzipOci());
        AssembledImage firstZstd = assembler.assemble(spec, zstd);
        open("second");
        AssembledImage second = assembler.assemble(spec, gzipOci());
        AssembledImage secondZstd = assembler.assemble(spec, zstd);

        assertThat(second).isEqualTo(first);
        assertThat(secondZstd).isEqualTo(firstZstd);
        assertThat(firstZstd.manifest().digest()).isNotEqualTo(first.manifest().digest());
    }
}
