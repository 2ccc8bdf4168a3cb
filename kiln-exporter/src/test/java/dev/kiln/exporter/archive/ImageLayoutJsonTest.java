package dev.kiln.exporter.archive;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.kiln.core.Digest;
import dev.kiln.core.json.Differential;
import dev.kiln.core.json.JacksonOracle;
import dev.kiln.core.json.RandomValues;
import dev.kiln.core.json.SameJson;
import dev.kiln.core.oci.Descriptor;
import dev.kiln.core.oci.Index;
import dev.kiln.core.oci.MediaTypes;
import dev.kiln.core.oci.OciSamples;
import dev.kiln.exporter.image.AssembledImage;
import dev.kiln.worker.registry.ImageReference;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

/** An OCI layout's index.json and docker-save's manifest.json are written as Jackson wrote them. */
class ImageLayoutJsonTest {
    private static final List<String> NAMES = List.of("busybox", "127.0.0.1:5000/a/b:v1",
            "x@sha256:" + "a".repeat(64), "docker.io/library/alpine:3.20", "ghcr.io/o/r:t");
    /** The names DockerSaveEntry's components had as Jackson annotations. */
    private static final JsonMapper ORACLE = JacksonOracle.builder()
            .addMixIn(ImageLayout.DockerSaveEntry.class, DockerSaveNames.class).build();

    private record DockerSaveNames(@JsonProperty("Config") String config,
                                   @JsonProperty("RepoTags") List<String> repoTags,
                                   @JsonProperty("Layers") List<String> layers) {
    }

    private static ImageLayout layout(RandomValues v) {
        OciSamples s = new OciSamples(v);
        AssembledImage image = new AssembledImage(s.descriptor(), blob(s), v.nonNullList(() -> blob(s)));
        List<ImageReference> names = v.nonNullList(() -> ImageReference.parse(v.pick(NAMES)));
        return ImageLayout.of(image, s.descriptor(), names, true);
    }

    /** A sample descriptor with a real digest, as the blobs of an assembled image have. */
    private static Descriptor blob(OciSamples s) {
        Descriptor d = s.descriptor();
        return new Descriptor(d.mediaType(), Digest.sha256(s.digest() + d.size()).toString(), d.size(),
                d.annotations(), d.platform());
    }

    @Test
    void indexAndDockerManifestAreWrittenAsJacksonWroteThem() {
        for (int seed = 0; seed < 1500; seed++) {
            ImageLayout layout = layout(new RandomValues(seed));
            Index index = new Index(2, MediaTypes.OCI_INDEX, layout.indexEntries(), null);
            SameJson.assertSame(layout.indexJson(), ORACLE.writeValueAsBytes(index), "index " + seed);
            List<ImageLayout.DockerSaveEntry> entries = List.of(new ImageLayout.DockerSaveEntry(
                    ImageLayout.blobPath(layout.image().config().digest()),
                    layout.names().stream().map(ImageReference::familiarString).toList(),
                    layout.image().layers().stream().map(d -> ImageLayout.blobPath(d.digest())).toList()));
            SameJson.assertSame(layout.manifestJson().orElseThrow(), ORACLE.writeValueAsBytes(entries), "manifest " + seed);
        }
    }

    @Test
    void mergedIndexesAreWrittenAsJacksonWroteThem() {
        for (int seed = 0; seed < 1000; seed++) {
            RandomValues v = new RandomValues(seed);
            Index merged = LayoutDirectoryWriter.merge(new OciSamples(v).index(), layout(v).indexEntries());
            Differential.assertWritesAlike(merged, ORACLE, "merged " + seed);
        }
    }
}
