package dev.kiln.worker.snapshot;

import dev.kiln.worker.sys.FileStat;
import dev.kiln.worker.sys.LinuxFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

/** du(1) over a tree: allocated blocks and distinct inodes, hard links counted once. */
public final class DiskUsage {
    private record InodeKey(int devMajor, int devMinor, long ino) {
    }

    private DiskUsage() {
    }

    public static Usage of(Path dir) throws IOException {
        Set<InodeKey> seen = new HashSet<>();
        long size = 0;
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                FileStat st = LinuxFiles.lstat(p);
                if (seen.add(new InodeKey(st.devMajor(), st.devMinor(), st.ino()))) {
                    size += st.blocks() * 512;
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return new Usage(size, seen.size());
    }
}
