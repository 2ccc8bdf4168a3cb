package dev.kiln.worker.layer;

import dev.kiln.worker.sys.FileStat;
import java.nio.file.Path;

/**
 * One file met while walking a tree.
 *
 * @param rel path below the walk's root with a leading slash ({@code /etc/passwd}), as continuity names changes
 */
record FileNode(String rel, Path path, FileStat stat) {
    boolean isDirectory() {
        return stat.isDirectory();
    }

    /** A hard-linked non-directory, whose other names the tar must point at it. */
    boolean isLinked() {
        return !stat.isDirectory() && stat.nlink() > 1;
    }
}
