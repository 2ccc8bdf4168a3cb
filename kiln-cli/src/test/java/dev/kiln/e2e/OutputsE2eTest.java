package dev.kiln.e2e;

import dev.kiln.cli.CliRun;
import dev.kiln.core.json.JacksonOracle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 3, acceptance 1: one Dockerfile built into every output type, each checked by the tool a user would
 * read it with (skopeo, umoci, tar, the registry), plus {@code --iidfile}, {@code --metadata-file} and the
 * local image store ({@code -t}, {@code kiln images}, {@code kiln rmi}).
 */
class OutputsE2eTest {
    @RegisterExtension
    static final KilnEnv kiln = new KilnEnv();

    private static final String NAME = "kiln-e2e/outputs:1";
    private static final List<String> NEW_HISTORY = List.of(
            "ENV GREETING=hello world",
            "WORKDIR /srv/app",
            "COPY hello.txt ./ # buildkit",
            "RUN /bin/sh -c mkdir -p /data/sub && echo secret > /data/sub/key && chown 1234:5678 /data/sub/key"
                    + " && chmod 600 /data/sub/key && ln -s sub/key /data/link && chmod 1777 /data # buildkit",
            "LABEL org.example.team=kiln",
            "EXPOSE [8080/tcp]",
            "EXPOSE [53/udp]",
            "CMD [\"sh\" \"-c\" \"echo $GREETING\"]");

    private static Path context;
    private static Path ociArchive;
    private static Path iidFile;
    private static Path metadataFile;

    @BeforeAll
    static void buildOciArchive() throws IOException {
        context = kiln.scratch("ctx");
        KilnEnv.write(context.resolve("Dockerfile"), """
                FROM %s
                ENV GREETING="hello world"
                WORKDIR /srv/app
                COPY hello.txt ./
                RUN %s
                LABEL org.example.team=kiln
                EXPOSE 8080
                EXPOSE 53/udp
                CMD ["sh", "-c", "echo $GREETING"]
                """.formatted(Registry.busybox(), NEW_HISTORY.get(3).substring("RUN /bin/sh -c ".length(),
                NEW_HISTORY.get(3).length() - " # buildkit".length())));
        Files.setPosixFilePermissions(KilnEnv.write(context.resolve("hello.txt"), "hello from the context\n"),
                PosixFilePermissions.fromString("rw-r-----"));
        Path out = kiln.scratch("oci");
        ociArchive = out.resolve("image.tar");
        iidFile = out.resolve("iid");
        metadataFile = out.resolve("metadata.json");
        kiln.build("-t", NAME, "-o", "type=oci,dest=" + ociArchive, "--iidfile", iidFile.toString(),
                "--metadata-file", metadataFile.toString(), context.toString());
    }

    @Test
    void ociArchive_hasTheDockerfilesConfigAndHistory_asSkopeoReadsThem() {
        JsonNode config = Tool.okJson("skopeo", "inspect", "--config", "oci-archive:" + ociArchive);
        JsonNode c = config.get("config");
        assertThat(texts(c.get("Cmd"))).containsExactly("sh", "-c", "echo $GREETING");
        assertThat(texts(c.get("Env"))).contains("GREETING=hello world")
                .anyMatch(e -> e.startsWith("PATH=/usr/local/sbin:"));
        assertThat(c.get("WorkingDir").asString()).isEqualTo("/srv/app");
        assertThat(c.get("Labels").get("org.example.team").asString()).isEqualTo("kiln");
        assertThat(fieldNames(c.get("ExposedPorts"))).containsExactlyInAnyOrder("8080/tcp", "53/udp");
        assertThat(config.get("architecture").asString()).isEqualTo("amd64");

        List<JsonNode> history = new ArrayList<>();
        config.get("history").forEach(history::add);
        List<String> createdBy = history.stream().map(h -> h.get("created_by").asString()).toList();
        assertThat(createdBy.subList(createdBy.size() - NEW_HISTORY.size(), createdBy.size()))
                .containsExactlyElementsOf(NEW_HISTORY);

        long layersInHistory = history.stream().filter(h -> !h.path("empty_layer").asBoolean(false)).count();
        JsonNode inspect = Tool.okJson("skopeo", "inspect", "oci-archive:" + ociArchive);
        assertThat(inspect.get("Layers").size()).as("one layer per non-empty history entry")
                .isEqualTo((int) layersInHistory)
                .isEqualTo(config.get("rootfs").get("diff_ids").size());
    }

    @Test
    void ociArchive_unpacksWithUmoci_intoTheFilesTheDockerfileMade() throws IOException {
        Path layout = kiln.scratch("layout");
        Tool.ok("tar", "-xf", ociArchive.toString(), "-C", layout.toString());
        Path bundle = kiln.scratch("bundle").resolve("b");
        Tool.ok("umoci", "unpack", "--image", layout + ":1", bundle.toString());
        Path rootfs = bundle.resolve("rootfs");

        assertFile(rootfs.resolve("srv/app/hello.txt"), "hello from the context\n", "rw-r-----", 0, 0);
        assertFile(rootfs.resolve("data/sub/key"), "secret\n", "rw-------", 1234, 5678);
        assertThat(Files.readSymbolicLink(rootfs.resolve("data/link"))).isEqualTo(Path.of("sub/key"));
        assertThat(Tool.ok("stat", "-c", "%A", rootfs.resolve("data").toString()).strip()).isEqualTo("drwxrwxrwt");
        assertThat(rootfs.resolve("bin/busybox")).isRegularFile();
    }

    @Test
    void dockerArchive_isReadBySkopeo_withTheSameConfig() {
        Path archive = kiln.scratch("docker").resolve("image.tar");
        kiln.build("-t", NAME, "-o", "type=docker,dest=" + archive, context.toString());

        JsonNode docker = Tool.okJson("skopeo", "inspect", "--config", "docker-archive:" + archive);
        JsonNode oci = Tool.okJson("skopeo", "inspect", "--config", "oci-archive:" + ociArchive);
        assertThat(docker.get("config")).isEqualTo(oci.get("config"));
        assertThat(docker.get("rootfs")).isEqualTo(oci.get("rootfs"));
        assertThat(Tool.ok("skopeo", "inspect", "docker-archive:" + archive)).contains("\"Layers\"");
    }

    @Test
    void ociArchive_copiesIntoTheRegistryAndBack_withItsDigestPreserved() throws IOException {
        String manifestDigest = Tool.okJson("skopeo", "inspect", "oci-archive:" + ociArchive).get("Digest").asString();
        String remote = "docker://" + Registry.address() + "/kiln-e2e/outputs:" + UUID.randomUUID();
        try {
            Tool.ok("skopeo", "copy", "--preserve-digests", "--dest-tls-verify=false", "oci-archive:" + ociArchive,
                    remote);
            assertThat(Tool.okJson("skopeo", "inspect", "--tls-verify=false", remote).get("Digest").asString())
                    .isEqualTo(manifestDigest);

            Path back = kiln.scratch("back").resolve("layout");
            Tool.ok("skopeo", "copy", "--preserve-digests", "--src-tls-verify=false", remote, "oci:" + back + ":1");
            JsonNode index = json(Files.readString(back.resolve("index.json")));
            assertThat(index.get("manifests").get(0).get("digest").asString()).isEqualTo(manifestDigest);
            assertThat(Tool.okJson("skopeo", "inspect", "--config", "oci:" + back + ":1"))
                    .isEqualTo(Tool.okJson("skopeo", "inspect", "--config", "oci-archive:" + ociArchive));
        } finally {
            Tool.run("skopeo", "delete", "--tls-verify=false", remote);
        }
    }

    @Test
    void localExport_writesTheRootfsIntoADirectory() throws IOException {
        Path dest = kiln.scratch("local");
        kiln.build("-o", "type=local,dest=" + dest, context.toString());

        assertFile(dest.resolve("srv/app/hello.txt"), "hello from the context\n", "rw-r-----", 0, 0);
        assertFile(dest.resolve("data/sub/key"), "secret\n", "rw-------", 1234, 5678);
        assertThat(Files.readSymbolicLink(dest.resolve("data/link"))).isEqualTo(Path.of("sub/key"));
        assertThat(dest.resolve("bin/busybox")).isRegularFile();
    }

    @Test
    void tarExport_writesTheRootfsAsATar() {
        Path tar = kiln.scratch("tar").resolve("rootfs.tar");
        kiln.build("-o", "type=tar,dest=" + tar, context.toString());

        List<String> listing = Tool.ok("tar", "-tvf", tar.toString(), "--numeric-owner").lines().toList();
        assertThat(listing).anyMatch(l -> l.matches("-rw------- 1234/5678 +7 .* data/sub/key"))
                .anyMatch(l -> l.matches("-rw-r----- 0/0 +23 .* srv/app/hello.txt"))
                .anyMatch(l -> l.matches("lrwxrwxrwx 0/0 .* data/link -> sub/key"))
                .anyMatch(l -> l.matches("drwxrwxrwt 0/0 .* data/?"));
        assertThat(Tool.ok("tar", "-xOf", tar.toString(), "data/sub/key")).isEqualTo("secret\n");
    }

    @Test
    void iidfileAndMetadataFile_nameTheImageSkopeoSees() throws IOException {
        JsonNode manifest = Tool.okJson("skopeo", "inspect", "--raw", "oci-archive:" + ociArchive);
        String configDigest = manifest.get("config").get("digest").asString();
        String manifestDigest = Tool.okJson("skopeo", "inspect", "oci-archive:" + ociArchive).get("Digest").asString();

        assertThat(Files.readString(iidFile).strip()).isEqualTo(configDigest);
        JsonNode metadata = json(Files.readString(metadataFile));
        assertThat(metadata.get("containerimage.digest").asString()).isEqualTo(manifestDigest);
        assertThat(metadata.get("containerimage.config.digest").asString()).isEqualTo(configDigest);
        assertThat(metadata.get("image.name").asString()).contains(NAME);
    }

    @Test
    void taggedImage_isListedByImages_andRemovedByRmi() throws IOException {
        String name = "kiln-e2e/stored:" + UUID.randomUUID().toString().substring(0, 8);
        Path metadata = kiln.scratch("stored").resolve("metadata.json");
        kiln.build("-t", name, "--metadata-file", metadata.toString(), context.toString());
        String digest = json(Files.readString(metadata)).get("containerimage.digest").asString();

        CliRun images = kiln.run("images");
        assertThat(images.exitCode()).isZero();
        assertThat(images.out().lines()).anyMatch(l -> l.contains(name) && l.contains(digest));

        CliRun rmi = kiln.run("rmi", name);
        assertThat(rmi.exitCode()).as(rmi.err()).isZero();
        assertThat(kiln.run("images").out()).doesNotContain(name);
        CliRun again = kiln.run("rmi", name);
        assertThat(again.exitCode()).isNotZero();
        assertThat(again.err()).contains("no such image").contains(name);
    }

    @Test
    void load_storesTheImageUnderItsTag() {
        String name = "kiln-e2e/loaded:" + UUID.randomUUID().toString().substring(0, 8);
        kiln.build("--load", "-t", name, context.toString());
        assertThat(kiln.run("images").out()).contains(name);
    }

    @Test
    void ociToStdout_streamsAValidArchive() {
        try (KilnProcess child = kiln.start("-t", NAME, "-o", "type=oci,dest=-", context.toString())) {
            assertThat(child.awaitExit(Duration.ofMinutes(2))).as(child.stderr()).isZero();
            JsonNode streamed = Tool.okJson("skopeo", "inspect", "--config", "oci-archive:" + child.stdoutFile());
            JsonNode written = Tool.okJson("skopeo", "inspect", "--config", "oci-archive:" + ociArchive);
            assertThat(streamed.get("config")).isEqualTo(written.get("config"));
            assertThat(streamed.get("rootfs")).isEqualTo(written.get("rootfs"));
        }
    }

    @Test
    void compressionAttributes_shapeTheNewLayers() throws IOException {
        Path plain = kiln.scratch("uncompressed");
        Path zstd = kiln.scratch("zstd");
        kiln.build("-t", NAME, "-o", "type=oci,dest=" + plain.resolve("image.tar") + ",compression=uncompressed",
                context.toString());
        kiln.build("-t", NAME, "-o", "type=oci,dest=" + zstd.resolve("image.tar") + ",compression=zstd",
                context.toString());

        JsonNode runLayer = lastLayer(plain);
        assertThat(runLayer.get("mediaType").asString()).isEqualTo("application/vnd.oci.image.layer.v1.tar");
        Path blob = plain.resolve("blobs/sha256").resolve(runLayer.get("digest").asString().substring(7));
        assertThat(Tool.ok("tar", "-tf", blob.toString()).lines()).contains("data/sub/key");

        JsonNode zstdLayer = lastLayer(zstd);
        assertThat(zstdLayer.get("mediaType").asString()).isEqualTo("application/vnd.oci.image.layer.v1.tar+zstd");
        byte[] head = Arrays.copyOf(Files.readAllBytes(
                zstd.resolve("blobs/sha256").resolve(zstdLayer.get("digest").asString().substring(7))), 4);
        assertThat(head).as("zstd frame magic").containsExactly(0x28, 0xb5, 0x2f, 0xfd);
    }

    @Test
    void storedImage_keepsBuiltLayersUncompressed_unlessToldOtherwise() throws IOException {
        String plain = "kiln-e2e/plain:" + UUID.randomUUID().toString().substring(0, 8);
        String gzip = "kiln-e2e/gzip:" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(lastStoredLayerType(plain, "-t", plain)).isEqualTo("application/vnd.oci.image.layer.v1.tar");
        assertThat(lastStoredLayerType(gzip, "-o", "type=image,name=" + gzip + ",compression=gzip"))
                .isEqualTo("application/vnd.oci.image.layer.v1.tar+gzip");
    }

    /** Builds the context with {@code outputs}; the media type of the last layer of the stored image's manifest. */
    private static String lastStoredLayerType(String name, String... outputs) throws IOException {
        Path metadata = kiln.scratch("stored-type").resolve("metadata.json");
        List<String> args = new ArrayList<>(List.of(outputs));
        args.addAll(List.of("--metadata-file", metadata.toString(), context.toString()));
        kiln.build(args.toArray(String[]::new));
        String digest = json(Files.readString(metadata)).get("containerimage.digest").asString();
        assertThat(kiln.run("images").out().lines()).anyMatch(l -> l.contains(name) && l.contains(digest));
        JsonNode layers = json(Files.readString(kiln.root().resolve("content/blobs/sha256")
                .resolve(digest.substring("sha256:".length())))).get("layers");
        return layers.get(layers.size() - 1).get("mediaType").asString();
    }

    @Test
    void cachedRebuild_exportsTheSameImage_timedByItsLayers() throws IOException {
        Path again = kiln.scratch("again").resolve("iid");
        PlainLog log = kiln.build("-t", NAME, "--iidfile", again.toString(), context.toString());
        assertThat(log.dockerfileSteps()).allSatisfy(s -> assertThat(s.state()).as(s.name()).isEqualTo("CACHED"));
        assertThat(Files.readString(again)).isEqualTo(Files.readString(iidFile));

        JsonNode config = Tool.okJson("skopeo", "inspect", "--config", "oci-archive:" + ociArchive);
        JsonNode history = config.get("history");
        String runCreated = history.get(history.size() - NEW_HISTORY.size() + 3).get("created").asString();
        assertThat(config.get("created").asString()).isEqualTo(history.get(history.size() - 1).get("created").asString())
                .isEqualTo(runCreated);
    }

    @Test
    void storedImage_servesAsABaseImage_withoutAnyRegistry() {
        String name = "kiln-e2e/base:" + UUID.randomUUID().toString().substring(0, 8);
        kiln.build("-t", name, context.toString());
        Path derived = kiln.scratch("derived");
        KilnEnv.write(derived.resolve("Dockerfile"), "FROM " + name + "\nRUN cp hello.txt /again.txt\n");
        Path out = kiln.scratch("derived-out");
        kiln.build("-o", "type=local,dest=" + out, derived.toString());
        assertThat(out.resolve("again.txt")).hasContent("hello from the context\n");
    }

    /** Unpacks the archive {@code dir/image.tar} into {@code dir}; the descriptor of its manifest's last layer. */
    private static JsonNode lastLayer(Path dir) throws IOException {
        Tool.ok("tar", "-xf", dir.resolve("image.tar").toString(), "-C", dir.toString());
        JsonNode index = json(Files.readString(dir.resolve("index.json")));
        String manifest = index.get("manifests").get(0).get("digest").asString().substring(7);
        JsonNode layers = json(Files.readString(dir.resolve("blobs/sha256").resolve(manifest))).get("layers");
        return layers.get(layers.size() - 1);
    }

    private static void assertFile(Path file, String content, String mode, int uid, int gid) throws IOException {
        assertThat(file).hasContent(content);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS)))
                .as("mode of %s", file).isEqualTo(mode);
        assertThat(Files.getAttribute(file, "unix:uid", LinkOption.NOFOLLOW_LINKS)).as("uid of %s", file).isEqualTo(uid);
        assertThat(Files.getAttribute(file, "unix:gid", LinkOption.NOFOLLOW_LINKS)).as("gid of %s", file).isEqualTo(gid);
    }

    private static JsonNode json(String text) {
        return JacksonOracle.mapper().readTree(text);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }

    private static List<String> fieldNames(JsonNode object) {
        return List.copyOf(object.propertyNames());
    }
}
