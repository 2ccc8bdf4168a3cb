package dev.kiln.worker.layer;

import dev.kiln.worker.sys.FileStat;
import dev.kiln.worker.sys.Xattrs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * continuity's "has this file changed" test: type, permissions, owner, device number and capabilities must match;
 * for non-directories also size and mtime, where two mtimes without nanoseconds (as a tar extraction leaves them)
 * fall back to comparing content. Directory mtimes are ignored: a directory whose only change is its entries is
 * not itself a change.
 */
final class SameFile {
    private SameFile() {
    }

    static boolean same(FileStat s1, Path p1, FileStat s2, Path p2) throws IOException {
        if (s1.sameInode(s2)) {
            return true;
        }
        if (s1.mode() != s2.mode() || s1.uid() != s2.uid() || s1.gid() != s2.gid()
                || s1.rdevMajor() != s2.rdevMajor() || s1.rdevMinor() != s2.rdevMinor()) {
            return false;
        }
        if (!Arrays.equals(Xattrs.get(p1, "security.capability"), Xattrs.get(p2, "security.capability"))) {
            return false;
        }
        if (s1.isDirectory()) {
            return true;
        }
        if (s1.size() != s2.size() || s1.mtime().getEpochSecond() != s2.mtime().getEpochSecond()) {
            return false;
        }
        if (s1.mtime().getNano() == 0 && s2.mtime().getNano() == 0) {
            if (s1.isSymlink()) {
                return Files.readSymbolicLink(p1).equals(Files.readSymbolicLink(p2));
            }
            return s1.size() == 0 || sameContent(p1, p2);
        }
        return s1.mtime().getNano() == s2.mtime().getNano();
    }

    private static boolean sameContent(Path p1, Path p2) throws IOException {
        try (InputStream a = Files.newInputStream(p1); InputStream b = Files.newInputStream(p2)) {
            byte[] ba = new byte[32 * 1024];
            byte[] bb = new byte[32 * 1024];
            while (true) {
                int na = a.readNBytes(ba, 0, ba.length);
                int nb = b.readNBytes(bb, 0, bb.length);
                if (na != nb || !Arrays.equals(ba, 0, na, bb, 0, nb)) {
                    return false;
                }
                if (na < ba.length) {
                    return true;
                }
            }
        }
    }
}
