package dev.kiln.worker.snapshot;

import dev.kiln.worker.sys.FileTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/** Whole-directory operations the snapshotters need. */
final class Trees {
    private Trees() {
    }

    /**
     * Deletes {@code dir} and everything below it, never following symlinks. Mounts inside are detached first so
     * the walk cannot reach into (and delete from) another filesystem.
     */
    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Mounter.unmountAllUnder(dir);
        FileTrees.deleteRecursively(dir);
    }
}
