package dev.kiln.worker.snapshot;

import dev.kiln.worker.sys.FileStat;
import dev.kiln.worker.sys.LinuxFiles;
import dev.kiln.worker.sys.RootFiles;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * du(1) over a tree: allocated blocks and distinct inodes, hard links counted once. One lstat per entry, through
 * {@link RootFiles} (a layer import measures thousands of them on commit).
 */
public final class DiskUsage {
    private record InodeKey(int devMajor, int devMinor, long ino) {
    }

    private final RootFiles files;
    /** Inodes with more than one link seen so far; others cannot be met twice. */
    private final Set<InodeKey> linked = new HashSet<>();
    private long size;
    private long inodes;

    private DiskUsage(RootFiles files) {
        this.files = files;
    }

    public static Usage of(Path dir) throws IOException {
        FileStat top = LinuxFiles.lstat(dir);
        if (!top.isDirectory()) {
            return new Usage(top.blocks() * 512, 1);
        }
        try (RootFiles files = RootFiles.open(dir)) {
            DiskUsage du = new DiskUsage(files);
            du.count(top);
            du.walk(dir, "");
            return new Usage(du.size, du.inodes);
        }
    }

    private void walk(Path dir, String rel) throws IOException {
        List<String> subdirs = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                String path = rel.isEmpty() ? name : rel + "/" + name;
                FileStat st = files.lstatIfExists(path);
                if (st == null) {
                    continue; // deleted meanwhile
                }
                count(st);
                if (st.isDirectory()) {
                    subdirs.add(path);
                }
            }
        }
        for (String sub : subdirs) {
            walk(files.root().resolve(sub), sub);
        }
    }

    private void count(FileStat st) {
        if (st.nlink() > 1 && !st.isDirectory()
                && !linked.add(new InodeKey(st.devMajor(), st.devMinor(), st.ino()))) {
            return;
        }
        size += st.blocks() * 512;
        inodes++;
    }
}
