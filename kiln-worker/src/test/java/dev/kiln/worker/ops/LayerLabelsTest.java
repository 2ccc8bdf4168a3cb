package dev.kiln.worker.ops;

import dev.kiln.core.Digest;
import dev.kiln.core.oci.Descriptor;
import dev.kiln.core.oci.MediaTypes;
import dev.kiln.worker.snapshot.Info;
import dev.kiln.worker.snapshot.Kind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LayerLabelsTest {
    private static final Digest DIFF_ID = Digest.sha256("layer tar");
    private static final Descriptor GZIP = new Descriptor(MediaTypes.OCI_LAYER_GZIP, Digest.sha256("gzip").toString(),
            1234, null, null);
    private static final Descriptor ZSTD = new Descriptor(MediaTypes.OCI_LAYER_ZSTD, Digest.sha256("zstd").toString(),
            999, null, null);

    private static Info snapshot(Map<String, String> labels) {
        return new Info("built", null, Kind.COMMITTED, labels, Instant.EPOCH, Instant.EPOCH);
    }

    @Test
    void exportedVariants_roundTripThroughLabels() {
        Map<String, String> labels = new HashMap<>(LayerLabels.exported(DIFF_ID, "gzip-6", GZIP));
        labels.putAll(LayerLabels.exported(DIFF_ID, "zstd-3", ZSTD));

        Info info = snapshot(labels);

        assertThat(LayerLabels.exportedDiffId(info)).contains(DIFF_ID);
        assertThat(LayerLabels.exportedBlobs(info)).containsExactlyInAnyOrderEntriesOf(
                Map.of("gzip-6", GZIP, "zstd-3", ZSTD));
        assertThat(LayerLabels.blob(info)).isEmpty();
        assertThat(labels.values()).allSatisfy(v -> assertThat(v).doesNotContain("\n").hasSizeLessThan(200));
    }

    @Test
    void snapshotsWithoutExports_orWithLabelsThatDoNotParse_haveNothingToReuse() {
        assertThat(LayerLabels.exportedDiffId(snapshot(Map.of()))).isEmpty();
        assertThat(LayerLabels.exportedBlobs(snapshot(LayerLabels.of(GZIP)))).isEmpty();

        Map<String, String> broken = new HashMap<>(LayerLabels.exported(DIFF_ID, "gzip-6", GZIP));
        broken.put(LayerLabels.EXPORTED_DIFF_ID, "sha256:nothex");
        broken.put(LayerLabels.EXPORTED_BLOB_PREFIX + "zstd-3", ZSTD.digest() + " -5 " + ZSTD.mediaType());
        broken.put(LayerLabels.EXPORTED_BLOB_PREFIX + "zstd-9", ZSTD.digest() + " 12");
        broken.put(LayerLabels.EXPORTED_BLOB_PREFIX + "zstd-1", "md5:00 12 " + ZSTD.mediaType());
        Info info = snapshot(broken);

        assertThat(LayerLabels.exportedDiffId(info)).isEmpty();
        assertThat(LayerLabels.exportedBlobs(info)).containsOnlyKeys("gzip-6");
    }
}
