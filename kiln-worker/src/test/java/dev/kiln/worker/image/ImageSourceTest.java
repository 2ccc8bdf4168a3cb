package dev.kiln.worker.image;

import dev.kiln.core.Digest;
import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.core.content.LocalContentStore;
import dev.kiln.core.oci.Descriptor;
import dev.kiln.core.oci.Descriptor.OciPlatform;
import dev.kiln.core.oci.MediaTypes;
import dev.kiln.worker.registry.ImageReference;
import dev.kiln.worker.registry.RegistryClient;
import dev.kiln.worker.registry.TestEnv;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Resolution against the real registry, and offline resolution from the local image store. */
class ImageSourceTest {
    private static final OciPlatform AMD64 = new OciPlatform("amd64", "linux", null, null);
    private static final OciPlatform ARM64 = new OciPlatform("arm64", "linux", null, null);

    @TempDir
    Path root;
    private String registry;
    private LocalContentStore content;
    private LocalImageStore images;
    private ImageSource source;

    @BeforeEach
    void setUp() {
        registry = TestEnv.registry("TESTENV_REGISTRY");
        content = new LocalContentStore(root.resolve("content"));
        images = new LocalImageStore(root.resolve("state"));
        source = new ImageSource(images, new RegistryClient(content, TestEnv.anonymousOptions()));
    }

    private ImageReference busybox() {
        return ImageReference.parse(registry + "/library/busybox:latest");
    }

    @Test
    void pull_picksThePlatformsManifestAndPinsTheReference() {
        ResolvedImage amd64 = source.resolve(busybox(), AMD64, ResolveMode.PULL);
        ResolvedImage arm64 = source.resolve(busybox(), new OciPlatform("aarch64", "linux", "v8", null), ResolveMode.PULL);

        String index = TestEnv.get("TESTENV_BUSYBOX_INDEX_DIGEST");
        assertThat(amd64.ref()).hasToString(registry + "/library/busybox:latest@" + index);
        assertThat(amd64.manifestDigest()).hasToString(TestEnv.get("TESTENV_BUSYBOX_AMD64_DIGEST"));
        assertThat(arm64.manifestDigest()).hasToString(TestEnv.get("TESTENV_BUSYBOX_ARM64_DIGEST"));
        assertThat(amd64.config().architecture()).isEqualTo("amd64");
        assertThat(arm64.config().architecture()).isEqualTo("arm64");
        assertThat(amd64.config().config().env()).anyMatch(e -> e.startsWith("PATH="));
        assertThat(amd64.layers()).isNotEmpty().isEqualTo(amd64.manifest().layers());
        // Manifests and config are stored; layers are not fetched until asked for.
        assertThat(content.exists(amd64.configDescriptor().parsedDigest())).isTrue();
        assertThat(amd64.layers()).noneMatch(l -> content.exists(l.parsedDigest()));

        source.fetchLayers(amd64);
        assertThat(amd64.layers()).allMatch(l -> content.verify(l.parsedDigest()));
    }

    @Test
    void missingPlatform_isNotFoundListingWhatExists() {
        assertThatThrownBy(() -> source.resolve(busybox(), new OciPlatform("s390x", "linux", null, null), ResolveMode.PULL))
                .isInstanceOfSatisfying(KilnException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND))
                .hasMessage(busybox() + ": no image for platform linux/s390x (available: linux/amd64, linux/arm64/v8)");
    }

    @Test
    void storedImages_resolveWithoutTheNetwork_unlessPullIsAsked() {
        source.resolve(busybox(), AMD64, ResolveMode.PULL);
        Descriptor index = storedIndex();
        // The name points at a registry that does not exist: any network use would fail.
        ImageReference offline = ImageReference.parse("127.0.0.1:1/library/busybox:latest");
        images.put(offline, index);

        ResolvedImage local = source.resolve(offline, AMD64, ResolveMode.DEFAULT);
        assertThat(local.manifestDigest()).hasToString(TestEnv.get("TESTENV_BUSYBOX_AMD64_DIGEST"));
        assertThat(local.ref()).hasToString("127.0.0.1:1/library/busybox:latest@" + index.digest());
        assertThat(source.resolve(offline, AMD64, ResolveMode.LOCAL).manifestDigest()).isEqualTo(local.manifestDigest());

        assertThatThrownBy(() -> source.resolve(offline, AMD64, ResolveMode.PULL))
                .isInstanceOfSatisfying(KilnException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE))
                .hasMessageContaining("registry 127.0.0.1:1");
        // The arm64 manifest was never fetched, and cannot be without the network.
        assertThatThrownBy(() -> source.resolve(offline, ARM64, ResolveMode.DEFAULT))
                .hasMessageContaining("registry 127.0.0.1:1").hasMessageContaining("unreachable");
    }

    @Test
    void digestReferences_whoseContentIsStored_resolveWithoutTheNetwork() {
        source.resolve(busybox(), AMD64, ResolveMode.PULL);
        ImageReference pinned = ImageReference.parse("127.0.0.1:1/library/busybox@" + TestEnv.get("TESTENV_BUSYBOX_INDEX_DIGEST"));
        assertThat(source.resolve(pinned, AMD64, ResolveMode.DEFAULT).manifestDigest())
                .hasToString(TestEnv.get("TESTENV_BUSYBOX_AMD64_DIGEST"));
        ImageReference manifestPinned = ImageReference.parse("127.0.0.1:1/library/busybox@" + TestEnv.get("TESTENV_BUSYBOX_AMD64_DIGEST"));
        assertThat(source.resolve(manifestPinned, ARM64, ResolveMode.DEFAULT).manifestDigest())
                .as("a single-platform manifest is taken as it is, whatever the platform")
                .hasToString(TestEnv.get("TESTENV_BUSYBOX_AMD64_DIGEST"));
    }

    @Test
    void namesNotInTheStore_goToTheRegistry_andStoredNamesFetchMissingPiecesFromIt() {
        ResolvedImage fromRegistry = source.resolve(busybox(), ARM64, ResolveMode.DEFAULT);
        assertThat(fromRegistry.manifestDigest()).hasToString(TestEnv.get("TESTENV_BUSYBOX_ARM64_DIGEST"));

        images.put(busybox(), storedIndex());
        assertThat(content.exists(Digest.parse(TestEnv.get("TESTENV_BUSYBOX_AMD64_DIGEST")))).isFalse();
        assertThat(source.resolve(busybox(), AMD64, ResolveMode.DEFAULT).manifestDigest())
                .hasToString(TestEnv.get("TESTENV_BUSYBOX_AMD64_DIGEST"));
    }

    private Descriptor storedIndex() {
        Digest d = Digest.parse(TestEnv.get("TESTENV_BUSYBOX_INDEX_DIGEST"));
        return Descriptor.of(MediaTypes.OCI_INDEX, d, content.size(d));
    }

    @Test
    void resolveMode_parsesBuildKitsValues() {
        assertThat(ResolveMode.parse("default")).isEqualTo(ResolveMode.DEFAULT);
        assertThat(ResolveMode.parse("")).isEqualTo(ResolveMode.DEFAULT);
        assertThat(ResolveMode.parse("pull")).isEqualTo(ResolveMode.PULL);
        assertThat(ResolveMode.parse("local")).isEqualTo(ResolveMode.LOCAL);
        assertThatThrownBy(() -> ResolveMode.parse("sometimes")).hasMessage("invalid resolvemode: sometimes");
    }
}
