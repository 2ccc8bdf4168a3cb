package dev.kiln.exporter.archive;

import dev.kiln.core.content.ContentStore;
import dev.kiln.core.oci.Descriptor;
import dev.kiln.exporter.fs.TarContentStream;
import dev.kiln.worker.layer.TarEntry;
import dev.kiln.worker.layer.TarWriter;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes an {@link ImageLayout} as one tar stream, the way containerd's archive exporter (used by BuildKit) does:
 * members sorted by name, blobs read-only (0444), index.json and manifest.json 0644, oci-layout 0444, directories
 * 0755, owner 0:0 and mtime 0, so the archive's bytes depend only on the image.
 */
public final class LayoutTarWriter {
    private LayoutTarWriter() {
    }

    private interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private record Member(TarEntry entry, Content content) {
    }

    /** Writes the archive to {@code out}, which is flushed and left open. */
    public static void write(ImageLayout layout, ContentStore store, OutputStream out) throws IOException {
        Map<String, Member> members = new TreeMap<>();
        addFile(members, "oci-layout", 0444, ImageLayout.OCI_LAYOUT);
        addFile(members, "index.json", 0644, layout.indexJson());
        layout.manifestJson().ifPresent(json -> addFile(members, "manifest.json", 0644, json));
        members.put("blobs/", new Member(TarEntry.directory("blobs/", 0755), null));
        members.put("blobs/sha256/", new Member(TarEntry.directory("blobs/sha256/", 0755), null));
        for (Descriptor blob : layout.blobs()) {
            String name = ImageLayout.blobPath(blob.digest());
            members.put(name, new Member(TarEntry.regular(name, blob.size(), 0444),
                    o -> BlobCopier.copy(store, blob, o)));
        }
        try (TarWriter tar = new TarWriter(out)) {
            OutputStream content = new TarContentStream(tar);
            for (Member m : members.values()) {
                tar.putEntry(m.entry());
                if (m.content() != null) {
                    m.content().writeTo(content);
                }
            }
        }
    }

    private static void addFile(Map<String, Member> members, String name, int mode, byte[] data) {
        members.put(name, new Member(TarEntry.regular(name, data.length, mode), o -> o.write(data)));
    }
}
