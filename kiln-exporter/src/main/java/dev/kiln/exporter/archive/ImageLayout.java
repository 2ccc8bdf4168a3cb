package dev.kiln.exporter.archive;

import dev.kiln.core.json.Json;
import dev.kiln.core.json.JsonWritable;
import dev.kiln.core.json.JsonWriter;
import dev.kiln.core.oci.Descriptor;
import dev.kiln.core.oci.Index;
import dev.kiln.core.oci.MediaTypes;
import dev.kiln.exporter.image.AssembledImage;
import dev.kiln.worker.registry.ImageReference;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The files of an OCI image layout holding one image, as BuildKit's {@code oci} and {@code docker} exporters write
 * them (through containerd's archive exporter): {@code oci-layout}, {@code index.json} with one entry per name
 * (annotated {@code io.containerd.image.name} and {@code org.opencontainers.image.ref.name}), the blobs, and for the
 * docker variant also docker-save's {@code manifest.json} so that {@code docker load} reads the same archive.
 */
public record ImageLayout(AssembledImage image, List<Descriptor> indexEntries, List<ImageReference> names,
                          boolean dockerManifest) {
    public static final String IMAGE_NAME_ANNOTATION = "io.containerd.image.name";
    public static final String REF_NAME_ANNOTATION = "org.opencontainers.image.ref.name";
    static final byte[] OCI_LAYOUT = "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8);

    public ImageLayout {
        indexEntries = List.copyOf(indexEntries);
        names = List.copyOf(names);
    }

    /** A layout whose index points at {@code descriptor} once per name (once, unnamed, when there are none). */
    public static ImageLayout of(AssembledImage image, Descriptor descriptor, List<ImageReference> names,
                                 boolean dockerManifest) {
        List<Descriptor> entries = new ArrayList<>();
        if (names.isEmpty()) {
            entries.add(descriptor);
        }
        for (ImageReference name : names) {
            Map<String, String> annotations = new LinkedHashMap<>();
            if (descriptor.annotations() != null) {
                annotations.putAll(descriptor.annotations());
            }
            annotations.put(IMAGE_NAME_ANNOTATION, name.toString());
            annotations.put(REF_NAME_ANNOTATION, ociReferenceName(name));
            entries.add(new Descriptor(descriptor.mediaType(), descriptor.digest(), descriptor.size(), annotations,
                    descriptor.platform()));
        }
        return new ImageLayout(image, entries, names, dockerManifest);
    }

    byte[] indexJson() {
        return Json.bytes(new Index(2, MediaTypes.OCI_INDEX, indexEntries, null));
    }

    /** docker-save's manifest.json: one entry with the config path, the familiar names and the layer paths. */
    Optional<byte[]> manifestJson() {
        if (!dockerManifest) {
            return Optional.empty();
        }
        List<String> layers = image.layers().stream().map(d -> blobPath(d.digest())).toList();
        List<String> tags = names.stream().map(ImageReference::familiarString).toList();
        return Optional.of(Json.bytes(List.of(new DockerSaveEntry(blobPath(image.config().digest()), tags, layers))));
    }

    /** Every blob the layout needs, each once: manifest, config, then layers bottom first. */
    List<Descriptor> blobs() {
        Map<String, Descriptor> unique = new LinkedHashMap<>();
        unique.put(image.manifest().digest(), image.manifest());
        unique.put(image.config().digest(), image.config());
        image.layers().forEach(l -> unique.putIfAbsent(l.digest(), l));
        return List.copyOf(unique.values());
    }

    /** OCI's ref.name is what follows the repository: the tag, with the digest when there is one. */
    static String ociReferenceName(ImageReference name) {
        String digest = name.digest() == null ? "" : "@" + name.digest();
        return (name.tag() == null ? "" : name.tag()) + digest;
    }

    static String blobPath(String digest) {
        return "blobs/" + digest.replace(':', '/');
    }

    record DockerSaveEntry(String config, List<String> repoTags, List<String> layers) implements JsonWritable {
        @Override
        public void writeJson(JsonWriter w) {
            w.beginObject().field("Config", config).field("RepoTags", repoTags).field("Layers", layers).endObject();
        }
    }
}
