package dev.kiln.worker.snapshot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Copy-based snapshots for filesystems where overlayfs does not work (containerd's native snapshotter): an active
 * snapshot starts as a full copy of its parent and is mounted as a bind of its own directory; a view binds its
 * parent read-only without copying.
 */
public final class NativeSnapshotter extends DirectorySnapshotter {
    /** Opens (creating if needed) the snapshotter rooted at {@code root}, cleaning up after any crash. */
    public NativeSnapshotter(Path root) {
        super(root);
    }

    @Override
    public String name() {
        return "native";
    }

    @Override
    void populate(Path fs, Kind kind, List<Path> parentFs) throws IOException {
        if (kind == Kind.ACTIVE && !parentFs.isEmpty()) {
            TreeCopier.copy(parentFs.getFirst(), fs);
        }
    }

    @Override
    List<Mount> mounts(SnapshotRow row, Path fs, List<Path> parentFs) {
        if (row.kind() == Kind.VIEW && !parentFs.isEmpty()) {
            return List.of(Mount.bind(parentFs.getFirst().toString(), true));
        }
        return List.of(Mount.bind(fs.toString(), row.kind() == Kind.VIEW));
    }
}
