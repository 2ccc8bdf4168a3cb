package dev.kiln.exporter.snapshot;

import dev.kiln.core.Digest;
import dev.kiln.core.content.ContentStore;
import dev.kiln.core.content.LocalContentStore;
import dev.kiln.core.json.Json;
import dev.kiln.core.oci.ContainerConfig;
import dev.kiln.core.oci.Descriptor;
import dev.kiln.core.oci.ImageConfig;
import dev.kiln.core.oci.Manifest;
import dev.kiln.core.oci.MediaTypes;
import dev.kiln.exporter.ExportContext;
import dev.kiln.exporter.ExportRequest;
import dev.kiln.exporter.ExportResult;
import dev.kiln.exporter.Exporters;
import dev.kiln.exporter.OutputSpec;
import dev.kiln.exporter.image.ImageSpec;
import dev.kiln.worker.layer.LayerDiffer;
import dev.kiln.worker.snapshot.Info;
import dev.kiln.worker.snapshot.Mounter;
import dev.kiln.worker.snapshot.NativeSnapshotter;
import dev.kiln.worker.snapshot.Snapshotter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exports of locally built snapshots, each through a fresh {@link SnapshotLayers} and {@link Exporters} as one
 * {@code kiln build} makes them: the blobs an export made are remembered on the snapshots, so a later export in the
 * same compression neither diffs (no temporary tar, no view) nor compresses (no layer blob written).
 */
class SnapshotLayersTest {
    private static final ImageConfig CONFIG = new ImageConfig(null, null, "amd64", "linux", null, null,
            ContainerConfig.empty(), null, List.of());

    @TempDir
    Path tmp;
    private Snapshotter snapshotter;
    private LayerDiffer differ;
    private ContentStore content;
    private Path layerTemp;

    /** What one export (one build) saw: its image, and whether it diffed or compressed anything. */
    private record Export(Manifest manifest, Digest config, List<Path> tempTars, List<String> views, int layerWrites) {
    }

    @BeforeEach
    void buildTwoLayers() throws IOException {
        snapshotter = new NativeSnapshotter(tmp.resolve("snapshots"));
        differ = new LayerDiffer(new Mounter(tmp.resolve("mounts")));
        content = new LocalContentStore(tmp.resolve("content"));
        layerTemp = tmp.resolve("layer-temp");
        commit("base", null, dir -> Files.writeString(Files.createDirectories(dir.resolve("etc")).resolve("os"), "kiln"));
        commit("app", "base", dir -> {
            Files.write(dir.resolve("app.bin"), new byte[200_000]);
            Files.writeString(dir.resolve("etc/os"), "changed");
        });
    }

    @AfterEach
    void close() {
        snapshotter.close();
    }

    @Test
    void secondExportInTheSameCompression_reusesTheBlobsWithoutDiffingOrCompressing() {
        Export first = export("type=oci,dest=" + tmp.resolve("1.tar"));
        Export second = export("type=oci,dest=" + tmp.resolve("2.tar"));

        assertThat(first.tempTars()).hasSize(2);
        assertThat(first.layerWrites()).isEqualTo(2);
        assertThat(second.tempTars()).isEmpty();
        assertThat(second.views()).isEmpty();
        assertThat(second.layerWrites()).isZero();
        assertThat(second.manifest().layers()).isEqualTo(first.manifest().layers());
        assertThat(second.config()).isEqualTo(first.config());
        assertThat(first.manifest().layers()).extracting(Descriptor::mediaType).containsOnly(MediaTypes.OCI_LAYER_GZIP);
    }

    @Test
    void rememberedBlobs_areLabelsOfTheCommittedSnapshots() {
        Export first = export("type=oci,dest=" + tmp.resolve("1.tar"));

        Info app = snapshotter.stat("app");
        Descriptor layer = first.manifest().layers().get(1);
        assertThat(app.labels()).containsEntry("kiln.dev/exported.blob.gzip-6",
                layer.digest() + " " + layer.size() + " " + MediaTypes.OCI_LAYER_GZIP);
        assertThat(app.labels()).containsKey("kiln.dev/exported.diff-id");
    }

    @Test
    void dockerMediaTypes_reuseTheSameBlobsUnderTheirDockerType() {
        Export oci = export("type=oci,dest=" + tmp.resolve("oci.tar"));
        Export docker = export("type=docker,dest=" + tmp.resolve("docker.tar"));

        assertThat(docker.layerWrites()).isZero();
        assertThat(docker.tempTars()).isEmpty();
        assertThat(docker.manifest().layers()).extracting(Descriptor::mediaType)
                .containsOnly(MediaTypes.DOCKER_LAYER_GZIP);
        assertThat(docker.manifest().layers()).extracting(Descriptor::digest)
                .isEqualTo(oci.manifest().layers().stream().map(Descriptor::digest).toList());
    }

    @Test
    void blobDeletedFromTheStore_isDiffedAndCompressedAgainAndRememberedAgain() {
        Export first = export("type=oci,dest=" + tmp.resolve("1.tar"));
        Descriptor appLayer = first.manifest().layers().get(1);
        assertThat(content.delete(appLayer.parsedDigest())).isTrue();

        Export again = export("type=oci,dest=" + tmp.resolve("2.tar"));
        Export third = export("type=oci,dest=" + tmp.resolve("3.tar"));

        assertThat(again.tempTars()).hasSize(1);
        assertThat(again.layerWrites()).isEqualTo(1);
        assertThat(again.manifest().layers()).isEqualTo(first.manifest().layers());
        assertThat(content.exists(appLayer.parsedDigest())).isTrue();
        assertThat(third.layerWrites()).isZero();
        assertThat(third.tempTars()).isEmpty();
    }

    @Test
    void otherCompression_makesANewVariantFromTheRememberedBlobWithoutDiffing() {
        Export gzip6 = export("type=oci,dest=" + tmp.resolve("gzip6.tar"));
        Export gzip1 = export("type=oci,compression-level=1,dest=" + tmp.resolve("gzip1.tar"));
        Export zstd = export("type=oci,compression=zstd,dest=" + tmp.resolve("zstd.tar"));
        Export gzip6Again = export("type=oci,dest=" + tmp.resolve("gzip6-again.tar"));
        Export zstdAgain = export("type=oci,compression=zstd,dest=" + tmp.resolve("zstd-again.tar"));

        for (Export made : List.of(gzip1, zstd)) {
            assertThat(made.layerWrites()).isEqualTo(2);
            assertThat(made.tempTars()).isEmpty();
            assertThat(made.config()).isEqualTo(gzip6.config()); // same diffIDs
        }
        assertThat(digests(gzip1)).doesNotContainAnyElementsOf(digests(gzip6));
        assertThat(zstd.manifest().layers()).extracting(Descriptor::mediaType).containsOnly(MediaTypes.OCI_LAYER_ZSTD);
        assertThat(snapshotter.stat("app").labels()).containsKeys("kiln.dev/exported.blob.gzip-6",
                "kiln.dev/exported.blob.gzip-1", "kiln.dev/exported.blob.zstd-3");
        assertThat(gzip6Again.layerWrites()).isZero();
        assertThat(gzip6Again.manifest().layers()).isEqualTo(gzip6.manifest().layers());
        assertThat(zstdAgain.layerWrites()).isZero();
        assertThat(zstdAgain.manifest().layers()).isEqualTo(zstd.manifest().layers());
    }

    @Test
    void otherCompressionWhenNoRememberedBlobIsLeft_diffsAgain() {
        Export gzip = export("type=oci,dest=" + tmp.resolve("gzip.tar"));
        digests(gzip).forEach(d -> content.delete(Digest.parse(d)));

        Export zstd = export("type=oci,compression=zstd,dest=" + tmp.resolve("zstd.tar"));

        assertThat(zstd.tempTars()).hasSize(2);
        assertThat(zstd.layerWrites()).isEqualTo(2);
        assertThat(zstd.config()).isEqualTo(gzip.config());
    }

    private static List<String> digests(Export export) {
        return export.manifest().layers().stream().map(Descriptor::digest).toList();
    }

    /** Exports snapshot {@code app} as one build does, noting what it wrote while its layers were open. */
    private Export export(String output) {
        CountingContentStore store = new CountingContentStore(content);
        Exporters exporters = new Exporters(ExportContext.filesOnly(store, new ByteArrayOutputStream()));
        try (SnapshotLayers layers = new SnapshotLayers(snapshotter, differ, layerTemp)) {
            ImageSpec image = new ImageSpec(CONFIG, layers.layers("app"));
            ExportRequest request = new ExportRequest(image, use -> {
                throw new AssertionError("an image export does not read the root filesystem");
            }, Optional.empty());
            ExportResult result = exporters.resolve(OutputSpec.parse(output)).export(request);
            ExportResult.Image exported = result.image().orElseThrow();
            Manifest manifest = Json.parse(content.read(exported.digest(), 1 << 20), Manifest::fromJson, "manifest");
            return new Export(manifest, exported.configDigest(), tempTars(), views(), store.layerWrites());
        }
    }

    private List<Path> tempTars() {
        if (!Files.exists(layerTemp)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(layerTemp)) {
            return files.toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private List<String> views() {
        List<String> views = new ArrayList<>();
        snapshotter.walk(i -> {
            if (!List.of("base", "app").contains(i.name())) {
                views.add(i.name());
            }
        });
        return views;
    }

    @FunctionalInterface
    private interface Writes {
        void into(Path dir) throws IOException;
    }

    private void commit(String name, String parent, Writes writes) throws IOException {
        String key = name + "-active";
        writes.into(Path.of(snapshotter.prepare(key, parent).getFirst().source()));
        snapshotter.commit(name, key);
    }
}
