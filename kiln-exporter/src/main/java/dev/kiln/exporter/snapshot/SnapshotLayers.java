package dev.kiln.exporter.snapshot;

import dev.kiln.core.Digest;
import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.exporter.image.ExportLayer;
import dev.kiln.worker.layer.DiffOptions;
import dev.kiln.worker.layer.DiffResult;
import dev.kiln.worker.layer.LayerDiffer;
import dev.kiln.worker.ops.LayerLabels;
import dev.kiln.worker.snapshot.Info;
import dev.kiln.worker.snapshot.Mount;
import dev.kiln.worker.snapshot.Snapshotter;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * Turns a build result (a committed snapshot and its parents) into image layers: a snapshot unpacked
 * from a pulled blob is exported as that blob, any other one as a {@link SnapshotLayer}: the blobs earlier
 * exports made of it, or, when none serves, the diff against its parent, written to a temporary tar that
 * {@link #close()} deletes. Thread-safe.
 */
public final class SnapshotLayers implements AutoCloseable {
    private final Snapshotter snapshotter;
    private final LayerDiffer differ;
    private final Path tempDir;
    private final List<Path> tempFiles = new ArrayList<>();
    private final List<String> views = new ArrayList<>();

    public SnapshotLayers(Snapshotter snapshotter, LayerDiffer differ, Path tempDir) {
        this.snapshotter = snapshotter;
        this.differ = differ;
        this.tempDir = tempDir;
    }

    /** The layers of snapshot {@code name}, bottom first. */
    public List<ExportLayer> layers(String name) {
        List<Info> chain = new ArrayList<>();
        for (String n = name; n != null; n = chain.getLast().parent()) {
            chain.add(snapshotter.stat(n));
        }
        Collections.reverse(chain);
        List<ExportLayer> layers = new ArrayList<>(chain.size());
        for (Info info : chain) {
            layers.add(layer(info));
        }
        return layers;
    }

    /** The mounts of a read-only view of {@code name}, valid until {@link #close()}. */
    public synchronized List<Mount> view(String name) {
        String key = "export-" + UUID.randomUUID();
        views.add(key);
        return snapshotter.view(key, name);
    }

    private ExportLayer layer(Info info) {
        String diffId = info.labels().get(Snapshotter.LABEL_DIFF_ID);
        var blob = LayerLabels.blob(info);
        if (blob.isPresent() && diffId != null) {
            return new ExportLayer.Existing(blob.get(), Digest.parse(diffId));
        }
        return new SnapshotLayer(snapshotter, info, () -> diff(info));
    }

    private synchronized ExportLayer.New diff(Info info) {
        List<Mount> lower = info.parent() == null ? List.of() : view(info.parent());
        List<Mount> upper = view(info.name());
        try {
            Files.createDirectories(tempDir);
            Path tar = Files.createTempFile(tempDir, "layer-", ".tar");
            tempFiles.add(tar);
            DiffResult diff;
            try (OutputStream out = Files.newOutputStream(tar)) {
                diff = differ.diff(lower, upper, out, DiffOptions.DEFAULT);
            }
            return ExportLayer.New.ofFile(tar, diff.diffId());
        } catch (IOException e) {
            throw new KilnException(ErrorKind.INTERNAL, "export layer of " + info.name() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        for (String key : views.reversed()) {
            snapshotter.remove(key);
        }
        for (Path p : tempFiles) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // a leftover temp file is swept with the state's tmp directory
            }
        }
    }
}
