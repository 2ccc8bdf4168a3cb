package dev.kiln.worker.fstest;

import dev.kiln.core.Digest;
import dev.kiln.worker.sys.FileStat;
import dev.kiln.worker.sys.LinuxFiles;
import dev.kiln.worker.sys.Xattrs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Builds test trees and describes trees as comparable text, one line of metadata per path. */
public final class FsTree {
    private FsTree() {
    }

    /** Which details a description includes. */
    public enum Detail {
        /** Everything, including nanosecond mtimes of every entry. */
        FULL,
        /** Mtimes to the second (what a layer tar round trip keeps). */
        LAYER
    }

    /** path (relative, "/" for the root) to a line describing it. */
    public static Map<String, String> describe(Path root, Detail detail) throws IOException {
        Map<String, String> out = new TreeMap<>();
        Map<Long, String> inodes = new HashMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted().toList()) {
                String rel = p.equals(root) ? "/" : root.relativize(p).toString();
                out.put(rel, line(p, LinuxFiles.lstat(p), detail, inodes, rel));
            }
        }
        return out;
    }

    private static String line(Path p, FileStat st, Detail detail, Map<Long, String> inodes, String rel)
            throws IOException {
        StringBuilder b = new StringBuilder();
        b.append(String.format("type=%o mode=%04o owner=%d:%d", st.type() >> 12, st.permissions(), st.uid(), st.gid()));
        if (st.isRegular()) {
            try (InputStream in = Files.newInputStream(p)) {
                b.append(" size=").append(st.size()).append(" sha=").append(Digest.sha256(in).shortHex());
            }
            if (st.nlink() > 1) {
                b.append(" link-group=").append(inodes.computeIfAbsent(st.ino(), i -> rel));
            }
        } else if (st.isSymlink()) {
            b.append(" target=").append(Files.readSymbolicLink(p));
        } else if (st.isCharDevice() || st.isBlockDevice()) {
            b.append(" rdev=").append(st.rdevMajor()).append(':').append(st.rdevMinor());
        }
        if (detail == Detail.FULL) {
            b.append(" mtime=").append(st.mtime());
        } else {
            b.append(" mtime=").append(st.mtime().getEpochSecond());
        }
        for (String name : Xattrs.list(p).stream().sorted().toList()) {
            b.append(" xattr:").append(name).append('=').append(HexFormat.of().formatHex(Xattrs.get(p, name)));
        }
        return b.toString();
    }

    public static Path file(Path root, String rel, String content) throws IOException {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, content, StandardCharsets.UTF_8);
    }

    public static Path dir(Path root, String rel) throws IOException {
        return Files.createDirectories(root.resolve(rel));
    }

    public static Path symlink(Path root, String rel, String target) throws IOException {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        return Files.createSymbolicLink(p, Path.of(target));
    }

    public static void setMtime(Path p, long seconds, int nanos) throws IOException {
        Instant t = Instant.ofEpochSecond(seconds, nanos);
        LinuxFiles.setTimes(p, t, t);
    }

    /**
     * A tree with every kind of entry and metadata a layer can carry: nested dirs, a setuid file owned by
     * 1234:5678, a hard link pair, relative and absolute symlinks, a fifo, a char device, xattrs (user and
     * security.capability), nanosecond mtimes, a long non-ASCII name.
     */
    public static void writeRichTree(Path root) throws IOException {
        file(root, "etc/hostname", "kiln\n");
        Path tool = file(root, "usr/bin/tool", "#!/bin/sh\necho tool\n");
        LinuxFiles.chmod(tool, 04755);
        LinuxFiles.lchown(tool, 1234, 5678);
        Xattrs.set(tool, "security.capability", capability());
        Path data = file(root, "var/lib/data.bin", "x".repeat(5000));
        Xattrs.set(data, "user.origin", "kiln-test".getBytes(StandardCharsets.UTF_8));
        Files.createLink(root.resolve("var/lib/data-link.bin"), data);
        symlink(root, "usr/bin/relative", "tool");
        symlink(root, "etc/absolute", "/usr/bin/tool");
        LinuxFiles.mknod(root.resolve("var/lib/fifo"), FileStat.S_IFIFO | 0644, 0, 0);
        LinuxFiles.mknod(root.resolve("var/lib/null"), FileStat.S_IFCHR | 0666, 1, 3);
        String longName = "d".repeat(80) + "/" + "ünïcødé-".repeat(12) + "end.txt";
        file(root, longName, "long");
        Path sticky = dir(root, "tmp");
        LinuxFiles.chmod(sticky, 01777);
        for (Path p : List.of(tool, data, root.resolve("etc/hostname"))) {
            setMtime(p, 1_700_000_000L, 123_456_789);
        }
    }

    /** A VFS_CAP_REVISION_2 value granting cap_setuid (bit 7), whose bytes are not valid UTF-8. */
    public static byte[] capability() {
        byte[] v = new byte[20];
        v[0] = 0x01;
        v[3] = 0x02;
        v[4] = (byte) 0x80;
        return v;
    }
}
