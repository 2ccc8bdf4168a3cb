package dev.kiln.exporter;

import tools.jackson.databind.JsonNode;
import dev.kiln.core.json.JacksonOracle;
import dev.kiln.core.json.Json;
import dev.kiln.core.oci.ContainerConfig;
import dev.kiln.core.oci.ImageConfig;
import dev.kiln.core.oci.Descriptor;
import dev.kiln.core.oci.Index;
import dev.kiln.core.oci.Manifest;
import dev.kiln.core.oci.MediaTypes;
import dev.kiln.exporter.image.ImageSpec;
import dev.kiln.exporter.testing.SampleRootfs;
import dev.kiln.exporter.testing.Trees;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.kiln.exporter.testing.Tool.ok;
import static org.assertj.core.api.Assertions.assertThat;

/** Exports an image as oci and docker archives and checks them with skopeo, umoci, tar, gzip and zstd. */
class OciExportToolTest extends WithExportFixture {
    private static JsonNode json(String text) {
        return JacksonOracle.mapper().readTree(text);
    }

    private Path untar(Path archive, String dirName) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(dirName));
        ok("tar", "-xf", archive.toString(), "-C", dir.toString());
        return dir;
    }

    private static Path blob(Path layout, String digest) {
        return layout.resolve("blobs").resolve(digest.replace(':', '/'));
    }

    @Test
    void oci_archive_isInspectedBySkopeoAndUnpackedByUmoci() throws Exception {
        Path archive = tmp.resolve("image.tar");

        ExportResult result = fixture.export("type=oci,dest=" + archive + ",name=kiln.test/sample:v1", Optional.empty());

        ExportResult.Image image = result.image().orElseThrow();
        JsonNode inspect = json(ok("skopeo", "inspect", "oci-archive:" + archive));
        assertThat(inspect.get("Digest").asString()).isEqualTo(image.digest().toString());
        assertThat(inspect.get("Architecture").asString()).isEqualTo("amd64");
        assertThat(inspect.get("Layers")).hasSize(2);
        assertThat(inspect.get("Layers").get(0).asString()).isEqualTo(fixture.base().layer().blob().digest());

        Path layout = untar(archive, "layout");
        ok("umoci", "unpack", "--image", layout + ":v1", tmp.resolve("bundle").toString());
        Path unpacked = tmp.resolve("bundle/rootfs");
        assertThat(unpacked.resolve("bin/busybox")).isRegularFile();
        Trees.assertContains(fixture.rootfs(), unpacked, SampleRootfs.runningAsRoot(), Optional.empty());

        Manifest manifest = Json.parse(Files.readAllBytes(blob(layout, image.descriptor().digest())), Manifest::fromJson, "m");
        assertThat(manifest.mediaType()).isEqualTo(MediaTypes.OCI_MANIFEST);
        ok("gzip", "-t", blob(layout, manifest.layers().get(1).digest()).toString());
        assertThat(manifest.config().parsedDigest()).isEqualTo(image.configDigest());
    }

    @Test
    void oci_archive_indexNamesTheImageAndTarListsSortedReadOnlyBlobs() throws Exception {
        Path archive = tmp.resolve("image.tar");

        ExportResult.Image image = fixture.export("type=oci,dest=" + archive + ",\"name=kiln.test/sample:v1,other\"",
                Optional.of(EPOCH)).image().orElseThrow();

        Index index = Json.parse(Files.readAllBytes(untar(archive, "l").resolve("index.json")), Index::fromJson, "index");
        assertThat(index.manifests()).extracting(Descriptor::digest).containsOnly(image.descriptor().digest());
        assertThat(index.manifests()).extracting(Descriptor::annotations).containsExactly(
                Map.of("io.containerd.image.name", "kiln.test/sample:v1", "org.opencontainers.image.ref.name", "v1",
                        "org.opencontainers.image.created", "2024-06-01T00:00:00Z"),
                Map.of("io.containerd.image.name", "docker.io/library/other:latest",
                        "org.opencontainers.image.ref.name", "latest",
                        "org.opencontainers.image.created", "2024-06-01T00:00:00Z"));
        List<String> listing = ok("tar", "-tvf", archive.toString()).lines().toList();
        assertThat(listing.stream().map(l -> l.substring(l.lastIndexOf(' ') + 1)).toList())
                .startsWith("blobs/", "blobs/sha256/").endsWith("index.json", "oci-layout").isSorted();
        assertThat(listing).filteredOn(l -> l.contains("blobs/sha256/") && !l.endsWith("/"))
                .hasSize(4).allMatch(l -> l.startsWith("-r--r--r-- 0/0"));
    }

    @Test
    void docker_archive_isReadBySkopeoDockerArchive_andCarriesManifestJson() throws Exception {
        Path archive = tmp.resolve("docker.tar");

        ExportResult.Image image = fixture.export("type=docker,dest=" + archive + ",name=kiln.test/sample:v1",
                Optional.empty()).image().orElseThrow();

        JsonNode inspect = json(ok("skopeo", "inspect", "docker-archive:" + archive));
        assertThat(inspect.get("Layers")).hasSize(2);
        assertThat(inspect.get("Architecture").asString()).isEqualTo("amd64");
        JsonNode saved = json(ok("tar", "-xOf", archive.toString(), "manifest.json"));
        assertThat(saved).hasSize(1);
        assertThat(saved.get(0).get("Config").asString()).isEqualTo("blobs/" + image.configDigest().toString().replace(':', '/'));
        assertThat(saved.get(0).get("RepoTags").get(0).asString()).isEqualTo("kiln.test/sample:v1");
        assertThat(saved.get(0).get("Layers")).hasSize(2);
        assertThat(image.descriptor().mediaType()).isEqualTo(MediaTypes.DOCKER_MANIFEST);
        Path layout = untar(archive, "d");
        Manifest manifest = Json.parse(Files.readAllBytes(blob(layout, image.descriptor().digest())), Manifest::fromJson, "m");
        assertThat(manifest.layers()).extracting(Descriptor::mediaType).containsOnly(MediaTypes.DOCKER_LAYER_GZIP);
    }

    @Test
    void zstd_forced_convertsEveryLayer_whichZstdVerifies() throws Exception {
        Path archive = tmp.resolve("zstd.tar");

        ExportResult.Image image = fixture.export("type=oci,dest=" + archive
                + ",compression=zstd,compression-level=5,force-compression=true", Optional.empty()).image().orElseThrow();

        assertThat(json(ok("skopeo", "inspect", "oci-archive:" + archive)).get("Digest").asString())
                .isEqualTo(image.digest().toString());
        Path layout = untar(archive, "z");
        Manifest manifest = Json.parse(Files.readAllBytes(blob(layout, image.descriptor().digest())), Manifest::fromJson, "m");
        assertThat(manifest.layers()).extracting(Descriptor::mediaType).containsOnly(MediaTypes.OCI_LAYER_ZSTD);
        for (Descriptor layer : manifest.layers()) {
            ok("zstd", "-t", "-q", blob(layout, layer.digest()).toString());
        }
        // umoci 0.4.7 cannot unpack zstd layers, so the new layer is checked by decompressing it with zstd itself.
        Path plain = tmp.resolve("layer.tar");
        ok("sh", "-c", "zstd -dc '" + blob(layout, manifest.layers().get(1).digest()) + "' > '" + plain + "'");
        assertThat(Files.readAllBytes(plain)).isEqualTo(Files.readAllBytes(fixture.layerTar()));
    }

    @Test
    void layoutDirectory_collectsSeveralNames_replacingASameNamedEntry() throws Exception {
        Path dir = tmp.resolve("layout");

        fixture.export("type=oci,tar=false,dest=" + dir + ",name=app:1", Optional.empty());
        fixture.export("type=oci,tar=false,dest=" + dir + ",name=app:2,compression=uncompressed", Optional.empty());
        ExportResult.Image last = fixture.export("type=oci,tar=false,dest=" + dir + ",name=app:1,compression=zstd",
                Optional.empty()).image().orElseThrow();

        assertThat(ok("umoci", "ls", "--layout", dir.toString()).lines().sorted().toList()).containsExactly("1", "2");
        assertThat(json(ok("skopeo", "inspect", "oci:" + dir + ":1")).get("Digest").asString())
                .isEqualTo(last.digest().toString());
        ok("umoci", "unpack", "--image", dir + ":2", tmp.resolve("bundle").toString());
        Trees.assertContains(fixture.rootfs(), tmp.resolve("bundle/rootfs"), SampleRootfs.runningAsRoot(), Optional.empty());
        assertThat(Files.readString(dir.resolve("oci-layout"), StandardCharsets.UTF_8)).isEqualTo("{\"imageLayoutVersion\":\"1.0.0\"}");
    }

    @Test
    void stdout_getsTheSameBytesAsAFile() throws Exception {
        Path archive = tmp.resolve("file.tar");
        fixture.stdout().reset();

        fixture.export("type=oci,dest=" + archive, Optional.of(EPOCH));
        fixture.export("type=oci,dest=-", Optional.of(EPOCH));

        assertThat(fixture.stdout().toByteArray()).isEqualTo(Files.readAllBytes(archive));
    }

    @Test
    void sameInputs_inIndependentBuilds_giveIdenticalArchivesAndDigests() throws Exception {
        ExportFixture other = fixture.again(tmp.resolve("other-content"));
        Path first = tmp.resolve("first.tar");
        Path second = tmp.resolve("second.tar");

        ExportResult a = fixture.export("type=docker,dest=" + first + ",name=same:1", Optional.of(EPOCH));
        ExportResult b = other.export("type=docker,dest=" + second + ",name=same:1", Optional.of(EPOCH));

        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
        assertThat(b.metadata()).isEqualTo(a.metadata());
    }

    @Test
    void emptyImage_withoutLayers_isStillReadByTheTools() throws Exception {
        Path archive = tmp.resolve("scratch.tar");
        ImageConfig scratch = new ImageConfig(null, null, "amd64", "linux", null, null, ContainerConfig.empty(), null, null);
        ExportRequest request = new ExportRequest(new ImageSpec(scratch, List.of()), RootfsView.of(tmp), Optional.of(EPOCH));

        fixture.exporters().resolve(OutputSpec.parse("type=oci,dest=" + archive + ",name=scratch:1")).export(request);

        assertThat(json(ok("skopeo", "inspect", "oci-archive:" + archive)).get("Layers")).isEmpty();
        Path layout = untar(archive, "s");
        ok("umoci", "unpack", "--image", layout + ":1", tmp.resolve("bundle").toString());
        assertThat(tmp.resolve("bundle/rootfs")).isEmptyDirectory();
    }

    @Test
    void metadata_hasWhatMetadataFileAndIidfileNeed() {
        ExportResult r = fixture.export("type=oci,dest=" + tmp.resolve("m.tar") + ",name=meta:1", Optional.of(EPOCH));

        ExportResult.Image image = r.image().orElseThrow();
        JsonNode m = JacksonOracle.mapper().readTree(Json.bytes(r.metadata()));
        assertThat(m.get("containerimage.digest").asString()).isEqualTo(image.digest().toString());
        assertThat(m.get("containerimage.config.digest").asString()).isEqualTo(image.configDigest().toString());
        assertThat(m.get("containerimage.descriptor").get("digest").asString()).isEqualTo(image.digest().toString());
        assertThat(m.get("containerimage.descriptor").get("mediaType").asString()).isEqualTo(MediaTypes.OCI_MANIFEST);
        assertThat(m.get("image.name").asString()).isEqualTo("docker.io/library/meta:1");
    }
}
