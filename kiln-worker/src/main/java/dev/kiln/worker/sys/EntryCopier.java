package dev.kiln.worker.sys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Creates the copies of non-directory entries for the tree copiers (snapshots, COPY, the local exporter): a
 * regular file's bytes, a symlink's target, or a device, fifo or socket node. A regular file with more than one
 * link becomes a hard link to the first copy of its inode, as in containerd's and fsutil's copiers. Metadata is
 * left to the caller, whose rules differ. One instance per tree copy.
 */
public final class EntryCopier {
    private record Inode(int devMajor, int devMinor, long ino) {
    }

    private final Map<Inode, Path> firstCopies = new HashMap<>();

    /** Creates {@code dst} like {@code src} (stat {@code st}); true when it became a link to an earlier copy. */
    public boolean copy(Path src, Path dst, FileStat st) throws IOException {
        return copy(src, dst, dst, st);
    }

    /**
     * As {@link #copy(Path, Path, FileStat)}, for a {@code dst} that is renamed to {@code finalDst} once complete:
     * later copies of the same inode link to the final name.
     */
    public boolean copy(Path src, Path dst, Path finalDst, FileStat st) throws IOException {
        if (st.isRegular() && st.nlink() > 1) {
            Path first = firstCopies.putIfAbsent(new Inode(st.devMajor(), st.devMinor(), st.ino()), finalDst);
            if (first != null) {
                Files.createLink(dst, first);
                return true;
            }
        }
        if (st.isRegular()) {
            Files.copy(src, dst, LinkOption.NOFOLLOW_LINKS);
        } else if (st.isSymlink()) {
            Files.createSymbolicLink(dst, Files.readSymbolicLink(src));
        } else {
            LinuxFiles.mknod(dst, st.mode(), st.rdevMajor(), st.rdevMinor());
        }
        return false;
    }
}
