package dev.kiln.worker.snapshot;

import dev.kiln.worker.sys.FileStat;
import dev.kiln.worker.sys.LinuxFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Overlayfs snapshots, shaped like containerd's overlay snapshotter: a snapshot without parent is a bind mount of
 * its {@code fs} directory; an active snapshot with parents is an overlay whose {@code upperdir} is its own
 * {@code fs} and whose {@code lowerdir} lists the ancestors' {@code fs} directories, nearest first; a view of a
 * single layer is a read-only bind of that layer. Committing freezes the upper directory in place, so a commit
 * copies nothing and a layer diff can be read straight from it.
 */
public final class OverlaySnapshotter extends DirectorySnapshotter {
    private final List<String> extraOptions;

    /** Opens (creating if needed) the snapshotter rooted at {@code root}, cleaning up after any crash. */
    public OverlaySnapshotter(Path root) {
        super(root);
        // index=off keeps overlay from tying upper dirs to one specific set of lower dirs (containerd does this).
        this.extraOptions = Files.exists(Path.of("/sys/module/overlay/parameters/index"))
                ? List.of("index=off") : List.of();
    }

    @Override
    public String name() {
        return "overlayfs";
    }

    @Override
    void populate(Path fs, Kind kind, List<Path> parentFs) throws IOException {
        if (!parentFs.isEmpty()) {
            // The upper dir's root is the mount's root: give it the owner the lower root shows.
            FileStat parentRoot = LinuxFiles.lstat(parentFs.getFirst());
            LinuxFiles.lchown(fs, parentRoot.uid(), parentRoot.gid());
        }
    }

    @Override
    List<Mount> mounts(SnapshotRow row, Path fs, List<Path> parentFs) {
        boolean view = row.kind() == Kind.VIEW;
        if (parentFs.isEmpty()) {
            return List.of(Mount.bind(fs.toString(), view));
        }
        if (view && parentFs.size() == 1) {
            return List.of(Mount.bind(parentFs.getFirst().toString(), true));
        }
        List<String> options = new ArrayList<>();
        if (!view) {
            options.add("workdir=" + workDir(row.id()));
            options.add("upperdir=" + fs);
        }
        options.add("lowerdir=" + parentFs.stream().map(Path::toString).collect(Collectors.joining(":")));
        options.addAll(extraOptions);
        return List.of(new Mount("overlay", "overlay", "", options));
    }
}
