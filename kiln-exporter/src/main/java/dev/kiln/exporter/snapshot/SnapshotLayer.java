package dev.kiln.exporter.snapshot;

import dev.kiln.core.Digest;
import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.core.oci.Descriptor;
import dev.kiln.exporter.image.ExportLayer;
import dev.kiln.worker.ops.LayerLabels;
import dev.kiln.worker.snapshot.Info;
import dev.kiln.worker.snapshot.Snapshotter;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A layer built on this machine, remembered on its committed snapshot: the blobs exports made of it are labels of
 * the snapshot ({@link LayerLabels#exported}), and its tar is diffed only when asked for.
 */
final class SnapshotLayer implements ExportLayer.Built {
    private final Snapshotter snapshotter;
    private final String name;
    private final Instant created;
    private final Supplier<ExportLayer.New> differ;
    private Optional<Remembered> remembered;
    private ExportLayer.New tar;

    SnapshotLayer(Snapshotter snapshotter, Info snapshot, Supplier<ExportLayer.New> differ) {
        this.snapshotter = snapshotter;
        this.name = snapshot.name();
        this.created = snapshot.created();
        this.differ = differ;
        this.remembered = remembered(snapshot);
    }

    @Override
    public Optional<Instant> created() {
        return Optional.of(created);
    }

    @Override
    public synchronized Optional<Remembered> remembered() {
        return remembered;
    }

    @Override
    public synchronized ExportLayer.New tar() {
        if (tar == null) {
            tar = differ.get();
        }
        return tar;
    }

    /**
     * Records the blob on the snapshot. A diffID other than the one recorded would pair the blobs recorded before
     * with a tar they were not made of, so such a blob is not recorded (the diff is deterministic: this does not
     * happen unless a snapshot was changed behind the snapshotter's back).
     */
    @Override
    public synchronized void remember(Digest diffId, String variant, Descriptor blob) {
        if (remembered.isPresent() && !remembered.get().diffId().equals(diffId)) {
            return;
        }
        try {
            remembered = remembered(snapshotter.updateLabels(name, LayerLabels.exported(diffId, variant, blob)));
        } catch (KilnException e) {
            if (e.kind() != ErrorKind.NOT_FOUND) {
                throw e;
            }
            // Pruned while being exported: there is nothing left to remember the blob on.
        }
    }

    private static Optional<Remembered> remembered(Info snapshot) {
        return LayerLabels.exportedDiffId(snapshot)
                .map(diffId -> new Remembered(diffId, LayerLabels.exportedBlobs(snapshot)));
    }
}
