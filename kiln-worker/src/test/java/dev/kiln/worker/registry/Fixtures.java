package dev.kiln.worker.registry;

import dev.kiln.core.Digest;
import dev.kiln.core.json.Json;
import dev.kiln.core.oci.Descriptor;
import dev.kiln.core.oci.Index;
import dev.kiln.core.oci.Manifest;
import dev.kiln.core.oci.MediaTypes;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Small hand-made images for tests: a config, one layer, a manifest, an index. */
record Fixtures(byte[] config, byte[] layer, byte[] manifest, byte[] index) {

    static Fixtures image(String seed) {
        byte[] config = ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]},"
                + "\"config\":{\"Env\":[\"SEED=" + seed + "\"]}}").getBytes(StandardCharsets.UTF_8);
        byte[] layer = ("layer bytes of " + seed).getBytes(StandardCharsets.UTF_8);
        byte[] manifest = Json.bytes(new Manifest(2, MediaTypes.OCI_MANIFEST,
                Descriptor.of(MediaTypes.OCI_CONFIG, Digest.sha256(config), config.length),
                List.of(Descriptor.of(MediaTypes.OCI_LAYER_GZIP, Digest.sha256(layer), layer.length)), null));
        Descriptor m = Descriptor.of(MediaTypes.OCI_MANIFEST, Digest.sha256(manifest), manifest.length);
        Descriptor withPlatform = new Descriptor(m.mediaType(), m.digest(), m.size(), null,
                new Descriptor.OciPlatform("amd64", "linux", null, null));
        byte[] index = Json.bytes(new Index(2, MediaTypes.OCI_INDEX, List.of(withPlatform), null));
        return new Fixtures(config, layer, manifest, index);
    }

    Descriptor configDescriptor() {
        return Descriptor.of(MediaTypes.OCI_CONFIG, Digest.sha256(config), config.length);
    }

    Descriptor layerDescriptor() {
        return Descriptor.of(MediaTypes.OCI_LAYER_GZIP, Digest.sha256(layer), layer.length);
    }

    Descriptor manifestDescriptor() {
        return Descriptor.of(MediaTypes.OCI_MANIFEST, Digest.sha256(manifest), manifest.length);
    }

    Descriptor indexDescriptor() {
        return Descriptor.of(MediaTypes.OCI_INDEX, Digest.sha256(index), index.length);
    }

    /** Answers manifest and blob GETs for this image in any repository, tag {@code latest} = the index. */
    FakeRegistry.Response serve(FakeRegistry.Request r) {
        Map<String, byte[]> blobs = Map.of(
                Digest.sha256(config).toString(), config, Digest.sha256(layer).toString(), layer);
        String last = r.path().substring(r.path().lastIndexOf('/') + 1);
        if (r.path().contains("/manifests/")) {
            byte[] body = last.equals("latest") || last.equals(Digest.sha256(index).toString()) ? index
                    : last.equals(Digest.sha256(manifest).toString()) ? manifest : null;
            if (body == null) {
                return FakeRegistry.Response.json(404, "{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\",\"message\":\"manifest unknown\"}]}");
            }
            String type = body == index ? MediaTypes.OCI_INDEX : MediaTypes.OCI_MANIFEST;
            return FakeRegistry.Response.of(200, Map.of("Content-Type", type,
                    "Docker-Content-Digest", Digest.sha256(body).toString()), body);
        }
        if (r.path().contains("/blobs/") && blobs.containsKey(last)) {
            return FakeRegistry.Response.of(200, Map.of("Content-Type", "application/octet-stream"), blobs.get(last));
        }
        return FakeRegistry.Response.json(404, "{\"errors\":[{\"code\":\"BLOB_UNKNOWN\",\"message\":\"blob unknown to registry\"}]}");
    }
}
