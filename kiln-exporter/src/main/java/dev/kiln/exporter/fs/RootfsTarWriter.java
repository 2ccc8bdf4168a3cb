package dev.kiln.exporter.fs;

import dev.kiln.worker.layer.TarEntry;
import dev.kiln.worker.layer.TarWriter;
import dev.kiln.worker.sys.FileStat;
import dev.kiln.worker.sys.LinuxFiles;
import dev.kiln.worker.sys.Xattrs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The {@code tar} exporter's archive of a root filesystem: every file below the root in Go's walk order (names
 * sorted bytewise, depth first), relative names without {@code ./}, directories ending in {@code /}, numeric owners,
 * permission bits, extended attributes, and a second path of a hard-linked file as a link to the first. Sockets
 * cannot be archived and are left out, as Go's archive/tar does. With SOURCE_DATE_EPOCH every mtime is the epoch.
 */
public final class RootfsTarWriter {
    private record Inode(int devMajor, int devMinor, long ino) {
    }

    private final Path root;
    private final Optional<Instant> epoch;
    private final TarWriter tar;
    private final OutputStream content;
    private final Map<Inode, String> linked = new HashMap<>();

    private RootfsTarWriter(Path root, Optional<Instant> epoch, TarWriter tar) {
        this.root = root;
        this.epoch = epoch;
        this.tar = tar;
        this.content = new TarContentStream(tar);
    }

    /** Writes the archive of {@code rootfs} to {@code out}, which is flushed and left open. */
    public static void write(Path rootfs, Optional<Instant> epoch, OutputStream out) throws IOException {
        try (TarWriter tar = new TarWriter(out)) {
            new RootfsTarWriter(rootfs, epoch, tar).directory(rootfs);
        }
    }

    private void directory(Path dir) throws IOException {
        for (Path child : sortedChildren(dir)) {
            FileStat st = LinuxFiles.lstat(child);
            String name = root.relativize(child).toString();
            if (st.isSocket()) {
                continue;
            }
            TarEntry entry = entry(child, name, st);
            tar.putEntry(entry);
            if (entry.type() == TarEntry.Type.REGULAR) {
                try (InputStream in = Files.newInputStream(child)) {
                    tar.writeContent(in);
                }
            } else if (entry.type() == TarEntry.Type.DIRECTORY) {
                directory(child);
            }
        }
    }

    private TarEntry entry(Path file, String name, FileStat st) throws IOException {
        TarEntry base;
        if (st.isDirectory()) {
            base = TarEntry.directory(name, st.permissions());
        } else if (st.isSymlink()) {
            base = TarEntry.symlink(name, Files.readSymbolicLink(file).toString());
        } else if (st.isRegular()) {
            String first = st.nlink() > 1 ? linked.putIfAbsent(new Inode(st.devMajor(), st.devMinor(), st.ino()), name) : null;
            base = first != null ? TarEntry.hardlink(name, first) : TarEntry.regular(name, st.size(), st.permissions());
        } else {
            TarEntry.Type type = st.isFifo() ? TarEntry.Type.FIFO
                    : st.isBlockDevice() ? TarEntry.Type.BLOCK_DEVICE : TarEntry.Type.CHAR_DEVICE;
            base = TarEntry.device(type, name, st.permissions(), st.rdevMajor(), st.rdevMinor());
        }
        return new TarEntry(base.type(), base.name(), base.linkName(), base.size(),
                st.isSymlink() ? base.mode() : st.permissions(), st.uid(), st.gid(), epoch.orElse(st.mtime()),
                base.devMajor(), base.devMinor(), xattrs(file));
    }

    private static Map<String, byte[]> xattrs(Path file) throws IOException {
        Map<String, byte[]> attrs = new TreeMap<>();
        for (String key : Xattrs.list(file)) {
            byte[] value = Xattrs.get(file, key);
            if (value != null) {
                attrs.put(key, value);
            }
        }
        return attrs;
    }

    /** Children ordered as Go's filepath.Walk visits them: by the bytes of their UTF-8 names. */
    private static List<Path> sortedChildren(Path dir) throws IOException {
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            stream.forEach(children::add);
        }
        children.sort((a, b) -> Arrays.compareUnsigned(utf8(a), utf8(b)));
        return children;
    }

    private static byte[] utf8(Path p) {
        return p.getFileName().toString().getBytes(StandardCharsets.UTF_8);
    }
}
