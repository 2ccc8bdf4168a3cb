package dev.kiln.exporter;

import dev.kiln.core.Digest;
import dev.kiln.core.json.JacksonOracle;
import dev.kiln.core.json.Json;
import dev.kiln.core.json.RandomValues;
import dev.kiln.core.json.SameJson;
import dev.kiln.core.oci.Descriptor;
import dev.kiln.core.oci.OciSamples;
import dev.kiln.worker.registry.ImageReference;
import org.junit.jupiter.api.Test;

import java.util.List;

/** The --metadata-file document is written as Jackson wrote it. */
class ExportResultJsonTest {
    @Test
    void metadataIsWrittenAsJacksonWroteIt() {
        for (int seed = 0; seed < 1500; seed++) {
            RandomValues v = new RandomValues(seed);
            Descriptor d = new OciSamples(v).descriptor();
            Descriptor manifest = new Descriptor(d.mediaType(), Digest.sha256("m" + seed).toString(), d.size(),
                    d.annotations(), d.platform());
            ExportResult result = ExportResult.of(new ExportResult.Image(manifest, Digest.sha256("c" + seed),
                    v.nonNullList(() -> ImageReference.parse(v.pick(List.of("busybox", "a/b:c", "127.0.0.1:5000/x"))))));
            SameJson.assertSame(Json.bytes(result.metadata()),
                    JacksonOracle.mapper().writeValueAsBytes(result.metadata()), "metadata " + seed);
        }
    }
}
