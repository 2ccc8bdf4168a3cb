package dev.kiln.worker.snapshot;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.worker.sys.LinuxFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Opens a snapshotter by its BuildKit name: {@code auto}, {@code overlayfs} or {@code native}. */
public final class Snapshotters {
    private Snapshotters() {
    }

    /**
     * Opens the snapshotter {@code name} rooted at {@code root}. {@code auto} picks overlayfs when an overlay mount
     * with two lower layers works on the root's filesystem, else native, as BuildKit's worker does. The trial
     * mount's verdict is kept in the root and reused while the system has not changed (see {@link OverlayCheck}).
     */
    public static Snapshotter open(Path root, String name) {
        return switch (name) {
            case "overlayfs" -> {
                OverlayCheck.unsupportedReason(root).ifPresent(reason -> {
                    throw new KilnException(ErrorKind.FAILED_PRECONDITION,
                            "snapshotter overlayfs cannot be used at " + root + ": " + reason);
                });
                yield new OverlaySnapshotter(root);
            }
            case "native" -> new NativeSnapshotter(root);
            case "auto" -> OverlayCheck.unsupportedReason(root).isEmpty()
                    ? new OverlaySnapshotter(root) : new NativeSnapshotter(root);
            default -> throw new KilnException(ErrorKind.INVALID_ARGUMENT,
                    "unknown snapshotter " + name + " (expected auto, overlayfs or native)");
        };
    }

    /**
     * Why overlayfs cannot work under {@code root}, or empty when a trial mount succeeded. The trial directories
     * live under {@code snapshots/} with a {@code new-} name, so a crash mid-check leaves only debris that the
     * snapshotter deletes when it opens.
     */
    public static Optional<String> overlayUnsupportedReason(Path root) {
        try {
            Path snapshots = Files.createDirectories(root.resolve("snapshots"));
            if (LinuxFiles.filesystemType(snapshots) == LinuxFiles.OVERLAYFS_MAGIC) {
                return Optional.of("the directory is itself on overlayfs, which cannot hold an upper directory");
            }
            Path probe = Files.createTempDirectory(snapshots, "new-overlay-check-");
            try {
                return tryMount(probe);
            } finally {
                Trees.deleteRecursively(probe);
            }
        } catch (IOException e) {
            return Optional.of(e.getMessage());
        }
    }

    private static Optional<String> tryMount(Path probe) throws IOException {
        for (String d : List.of("lower1", "lower2", "upper", "work", "merged")) {
            Files.createDirectory(probe.resolve(d));
        }
        Mount overlay = new Mount("overlay", "overlay", "", List.of(
                "lowerdir=" + probe.resolve("lower2") + ":" + probe.resolve("lower1"),
                "upperdir=" + probe.resolve("upper"),
                "workdir=" + probe.resolve("work")));
        Mounter mounter = new Mounter(probe);
        Path merged = probe.resolve("merged");
        try {
            mounter.mount(List.of(overlay), merged);
        } catch (KilnException e) {
            return Optional.of(e.getMessage());
        }
        mounter.unmount(merged);
        return Optional.empty();
    }
}
