package dev.kiln.worker.layer;

import dev.kiln.worker.sys.FileStat;
import dev.kiln.worker.sys.LinuxFiles;
import dev.kiln.worker.sys.Xattrs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns filesystem changes into layer tar members the way containerd's {@code archive.ChangeWriter} does, which is
 * what fixes BuildKit's layer bytes: deletions become empty {@code .wh.<name>} files dated 1970; every member's
 * unchanged ancestor directories are written before it; mtimes are cut to whole seconds (after clamping to an
 * optional upper bound); only the {@code security.capability} xattr is kept; a hard-linked file is written once
 * and its other names become hard links to it; sockets are left out.
 */
final class ChangeWriter {
    private static final String CAPABILITY = "security.capability";

    private final TarWriter tar;
    private final Path source;
    private final Instant modTimeUpperBound;
    private final Map<Long, String> inodeSource = new HashMap<>();
    private final Map<Long, List<String>> inodeReferences = new HashMap<>();
    private final Set<String> addedDirs = new HashSet<>();

    /** @param source the tree the changed files are read from; @param modTimeUpperBound null for none */
    ChangeWriter(TarWriter tar, Path source, Instant modTimeUpperBound) {
        this.tar = tar;
        this.source = source;
        this.modTimeUpperBound = modTimeUpperBound;
    }

    /** One change; {@code rel} with or without a leading slash, {@code st} unused for deletions. */
    void handle(ChangeKind kind, String rel, FileStat st) throws IOException {
        String p = rel.startsWith("/") ? rel.substring(1) : rel;
        if (kind == ChangeKind.DELETE) {
            int slash = p.lastIndexOf('/');
            String whiteout = p.substring(0, slash + 1) + ".wh." + p.substring(slash + 1);
            TarEntry e = new TarEntry(TarEntry.Type.REGULAR, whiteout, "", 0, 0, 0, 0, Instant.EPOCH, 0, 0, null);
            includeParents(e);
            tar.putEntry(e);
            return;
        }
        if (st.isSocket()) {
            return;
        }
        Path file = source.resolve(p);
        TarEntry e = header(p, st, file);
        List<String> additionalLinks = null;
        if (!st.isDirectory() && st.nlink() > 1) {
            String first = inodeSource.get(st.ino());
            if (first != null) {
                e = e.asHardlinkTo(e.name(), first);
            } else if (kind == ChangeKind.UNMODIFIED) {
                inodeReferences.computeIfAbsent(st.ino(), i -> new ArrayList<>()).add(e.name());
                return;
            } else {
                inodeSource.put(st.ino(), e.name());
                additionalLinks = inodeReferences.remove(st.ino());
            }
        } else if (kind == ChangeKind.UNMODIFIED) {
            return;
        }
        byte[] capability = Xattrs.get(file, CAPABILITY);
        if (capability != null && capability.length > 0) {
            e = e.withXattrs(Map.of(CAPABILITY, capability));
        }
        includeParents(e);
        tar.putEntry(e);
        if (e.type() == TarEntry.Type.REGULAR && e.size() > 0) {
            try (InputStream in = Files.newInputStream(file)) {
                tar.writeContent(in);
            }
        }
        if (additionalLinks != null) {
            for (String extra : additionalLinks) {
                TarEntry link = e.asHardlinkTo(extra, e.name());
                includeParents(link);
                tar.putEntry(link);
            }
        }
    }

    private TarEntry header(String p, FileStat st, Path file) throws IOException {
        TarEntry.Type type;
        if (st.isRegular()) {
            type = TarEntry.Type.REGULAR;
        } else if (st.isDirectory()) {
            type = TarEntry.Type.DIRECTORY;
        } else if (st.isSymlink()) {
            type = TarEntry.Type.SYMLINK;
        } else if (st.isCharDevice()) {
            type = TarEntry.Type.CHAR_DEVICE;
        } else if (st.isBlockDevice()) {
            type = TarEntry.Type.BLOCK_DEVICE;
        } else {
            type = TarEntry.Type.FIFO;
        }
        boolean device = st.isCharDevice() || st.isBlockDevice();
        Instant mtime = st.mtime();
        if (modTimeUpperBound != null && mtime.isAfter(modTimeUpperBound)) {
            mtime = modTimeUpperBound;
        }
        return new TarEntry(type, st.isDirectory() ? p + "/" : p,
                st.isSymlink() ? Files.readSymbolicLink(file).toString() : "",
                st.isRegular() ? st.size() : 0, st.permissions(), st.uid(), st.gid(),
                Instant.ofEpochSecond(mtime.getEpochSecond()),
                device ? st.rdevMajor() : 0, device ? st.rdevMinor() : 0, null);
    }

    /** Writes the member's parent directory first unless it is the root or was written already. */
    private void includeParents(TarEntry e) throws IOException {
        String name = e.name().endsWith("/") ? e.name().substring(0, e.name().length() - 1) : e.name();
        int slash = name.lastIndexOf('/');
        if (slash > 0) {
            String parent = name.substring(0, slash);
            if (addedDirs.add(parent)) {
                handle(ChangeKind.MODIFY, parent, LinuxFiles.lstat(source.resolve(parent)));
            }
        }
        if (e.type() == TarEntry.Type.DIRECTORY) {
            addedDirs.add(name);
        }
    }
}
