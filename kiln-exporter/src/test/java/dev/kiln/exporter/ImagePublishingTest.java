package dev.kiln.exporter;

import dev.kiln.core.json.JacksonOracle;
import dev.kiln.core.oci.MediaTypes;
import dev.kiln.exporter.testing.Tool;
import dev.kiln.worker.image.ImageRecord;
import dev.kiln.worker.image.LocalImageStore;
import dev.kiln.worker.registry.ImageReference;
import dev.kiln.worker.registry.RegistryClient;
import dev.kiln.worker.registry.RegistryHostConfig;
import dev.kiln.worker.registry.RegistryOptions;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Outputs that hand the image to the local image store ({@code type=image}, {@code --load}) or to a registry
 * ({@code --push}, against the test registry at 127.0.0.1:5000 that bin/setup starts).
 */
class ImagePublishingTest extends WithExportFixture {
    private static final String REGISTRY = "127.0.0.1:5000";

    private LocalImageStore images;

    private ExportResult export(OutputSpec spec) {
        images = new LocalImageStore(tmp.resolve("images"));
        RegistryClient registry = new RegistryClient(fixture.store(),
                RegistryOptions.defaults().withHosts(Map.of(REGISTRY, RegistryHostConfig.plainHttp())));
        Exporters exporters = new Exporters(new ExportContext(fixture.store(), Optional.of(images),
                Optional.of(registry), new ByteArrayOutputStream()));
        return exporters.resolve(spec).export(fixture.request(Optional.empty()));
    }

    private ImageRecord stored(String name) {
        return images.get(ImageReference.parse(name)).orElseThrow(() -> new AssertionError(name + " is not stored"));
    }

    @Test
    void image_storesEveryNameWithOciTypes() {
        ExportResult r = export(OutputSpec.parse("type=image,\"name=app:1,127.0.0.1:5000/team/app:1\""));

        ExportResult.Image image = r.image().orElseThrow();
        assertThat(stored("app:1").target()).isEqualTo(image.descriptor());
        assertThat(stored("127.0.0.1:5000/team/app:1").target()).isEqualTo(image.descriptor());
        assertThat(image.descriptor().mediaType()).isEqualTo(MediaTypes.OCI_MANIFEST);
        assertThat(r.metadata()).containsEntry("image.name", "docker.io/library/app:1,127.0.0.1:5000/team/app:1");
    }

    @Test
    void load_isDockerWithoutDest_storingDockerMediaTypes() {
        ExportResult r = export(OutputSpec.load().withAttr("name", "loaded:3"));

        assertThat(stored("loaded:3").target()).isEqualTo(r.image().orElseThrow().descriptor());
        assertThat(stored("loaded:3").target().mediaType()).isEqualTo(MediaTypes.DOCKER_MANIFEST);
    }

    @Test
    void push_uploadsToTheRegistry_whereSkopeoFindsTheSameDigest() throws Exception {
        assertThat(answers(REGISTRY)).as("the test registry at " + REGISTRY + " (started by bin/setup)").isTrue();
        String name = REGISTRY + "/kiln-exporter-test/sample:" + UUID.randomUUID();

        ExportResult r = export(OutputSpec.push().withAttr("name", name));

        Tool.Result inspect = Tool.run("skopeo", "inspect", "--tls-verify=false", "docker://" + name);
        assertThat(inspect.exitCode()).as(inspect.output()).isZero();
        assertThat(JacksonOracle.mapper().readTree(inspect.output()).get("Digest").asString())
                .isEqualTo(r.image().orElseThrow().digest().toString());
        assertThat(stored(name).target()).isEqualTo(r.image().orElseThrow().descriptor());
    }

    private static boolean answers(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1))), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
