package dev.kiln.worker.layer;

import dev.kiln.core.json.JacksonOracle;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import tools.jackson.databind.JsonNode;

/** Reads layers out of an OCI image layout written by a Go tool (umoci). */
final class GoLayers {
    private GoLayers() {
    }

    /** The uncompressed last layer of the image tagged {@code tag}. */
    static byte[] lastLayer(Path layout, String tag) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(blob(layout, lastLayerDigest(layout, tag))))) {
            return in.readAllBytes();
        }
    }

    static String lastLayerDigest(Path layout, String tag) throws IOException {
        JsonNode index = JacksonOracle.mapper().readTree(Files.readAllBytes(layout.resolve("index.json")));
        for (JsonNode m : index.get("manifests")) {
            if (tag.equals(m.path("annotations").path("org.opencontainers.image.ref.name").asString())) {
                JsonNode manifest = JacksonOracle.mapper().readTree(Files.readAllBytes(blob(layout, m.get("digest").asString())));
                JsonNode layers = manifest.get("layers");
                return layers.get(layers.size() - 1).get("digest").asString();
            }
        }
        throw new IOException("no image tagged " + tag + " in " + layout);
    }

    static Path blob(Path layout, String digest) {
        return layout.resolve("blobs").resolve(digest.replace(':', '/'));
    }
}
