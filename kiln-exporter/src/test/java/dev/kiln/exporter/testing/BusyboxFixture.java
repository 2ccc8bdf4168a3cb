package dev.kiln.exporter.testing;

import dev.kiln.core.Digest;
import dev.kiln.core.content.ContentStore;
import dev.kiln.core.content.ContentWriter;
import dev.kiln.core.json.Json;
import dev.kiln.core.oci.Descriptor;
import dev.kiln.core.oci.ImageConfig;
import dev.kiln.core.oci.Index;
import dev.kiln.core.oci.Manifest;
import dev.kiln.exporter.image.ExportLayer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The linux/amd64 busybox image that {@code bin/setup} leaves as an OCI layout in /tmp/testenv/oci/busybox, loaded
 * into a content store the way a pull would: a real base image with a gzip layer made by GNU gzip.
 */
public record BusyboxFixture(ImageConfig config, ExportLayer.Existing layer) {
    public static final Path LAYOUT = Path.of("/tmp/testenv/oci/busybox");

    public static BusyboxFixture pullInto(ContentStore store) throws IOException {
        if (!Files.isRegularFile(LAYOUT.resolve("index.json"))) {
            throw new AssertionError("missing test fixture " + LAYOUT + ": run bin/setup first");
        }
        Index index = Json.parse(Files.readAllBytes(LAYOUT.resolve("index.json")), Index::fromJson, "fixture index");
        Descriptor manifestDesc = index.manifests().stream()
                .filter(d -> "amd64".equals(d.annotations().get("org.opencontainers.image.ref.name")))
                .findFirst().orElseThrow();
        Manifest manifest = Json.parse(blob(manifestDesc), Manifest::fromJson, "fixture manifest");
        ImageConfig config = Json.parse(blob(manifest.config()), ImageConfig::fromJson, "fixture config");
        Descriptor layer = manifest.layers().getFirst();
        try (InputStream in = Files.newInputStream(blobPath(layer)); ContentWriter w = store.writer()) {
            in.transferTo(w);
            w.commit(layer.size(), layer.parsedDigest());
        }
        return new BusyboxFixture(config, new ExportLayer.Existing(layer,
                Digest.parse(config.rootfs().diffIds().getFirst())));
    }

    private static byte[] blob(Descriptor d) throws IOException {
        return Files.readAllBytes(blobPath(d));
    }

    private static Path blobPath(Descriptor d) {
        return LAYOUT.resolve("blobs").resolve(d.parsedDigest().algorithm()).resolve(d.parsedDigest().hex());
    }
}
