package dev.kiln.exporter.archive;

import dev.kiln.core.content.ContentStore;
import dev.kiln.core.json.Json;
import dev.kiln.core.oci.Descriptor;
import dev.kiln.core.oci.Index;
import dev.kiln.core.oci.MediaTypes;
import dev.kiln.worker.sys.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes an {@link ImageLayout} as an OCI layout directory ({@code tar=false}). The directory may already hold
 * other images: blobs are added (existing ones are kept, content addressing makes them identical) and index.json is
 * merged, an entry with the same {@code org.opencontainers.image.ref.name} being replaced, as BuildKit's client does.
 * Every file is written to a temporary name and renamed into place.
 */
public final class LayoutDirectoryWriter {
    private LayoutDirectoryWriter() {
    }

    public static void write(ImageLayout layout, ContentStore store, Path dir) throws IOException {
        for (Descriptor blob : layout.blobs()) {
            Path target = dir.resolve(ImageLayout.blobPath(blob.digest()));
            if (!Files.isRegularFile(target) || Files.size(target) != blob.size()) {
                Files.createDirectories(target.getParent());
                AtomicFiles.write(target, out -> BlobCopier.copy(store, blob, out));
            }
        }
        Path ociLayout = dir.resolve("oci-layout");
        if (!Files.exists(ociLayout)) {
            AtomicFiles.write(ociLayout, ImageLayout.OCI_LAYOUT);
        }
        Path indexFile = dir.resolve("index.json");
        Index existing = Files.exists(indexFile)
                ? Json.parse(Files.readAllBytes(indexFile), Index::fromJson, "index.json in " + dir)
                : new Index(2, MediaTypes.OCI_INDEX, List.of(), null);
        AtomicFiles.write(indexFile, Json.bytes(merge(existing, layout.indexEntries())));
    }

    static Index merge(Index existing, List<Descriptor> added) {
        List<Descriptor> manifests = new ArrayList<>(existing.manifests() == null ? List.of() : existing.manifests());
        for (Descriptor entry : added) {
            String ref = refName(entry);
            int same = -1;
            for (int i = 0; i < manifests.size() && same < 0; i++) {
                Descriptor old = manifests.get(i);
                boolean sameRef = ref != null && ref.equals(refName(old));
                boolean identical = ref == null && old.equals(entry);
                if (sameRef || identical) {
                    same = i;
                }
            }
            if (same >= 0) {
                manifests.set(same, entry);
            } else {
                manifests.add(entry);
            }
        }
        String mediaType = Objects.requireNonNullElse(existing.mediaType(), MediaTypes.OCI_INDEX);
        return new Index(2, mediaType, manifests, existing.annotations());
    }

    private static String refName(Descriptor d) {
        Map<String, String> a = d.annotations();
        return a == null ? null : a.get(ImageLayout.REF_NAME_ANNOTATION);
    }
}
