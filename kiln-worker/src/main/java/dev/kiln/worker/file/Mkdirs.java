package dev.kiln.worker.file;

import dev.kiln.worker.sys.FileStat;
import dev.kiln.worker.sys.LinuxFiles;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Directory creation as BuildKit's file ops do it: like {@code mkdir -p}, where only directories
 * actually created get the owner and timestamp. Modes are applied as under buildkitd's umask 022,
 * whatever this process's umask is.
 */
final class Mkdirs {
    static final int UMASK = 022;

    private Mkdirs() {
    }

    /**
     * {@code mkdir -p path}; {@code owner} and {@code time} may be null. Existing directories are
     * left alone; the times of created ones are set once all are made, so a parent keeps {@code time}.
     */
    static void mkdirAll(Path path, int perm, Ids owner, Instant time) throws IOException {
        List<Path> created = new ArrayList<>();
        create(path, perm, owner, created);
        for (Path p : created) {
            Metadata.setTimes(p, time);
        }
    }

    private static void create(Path path, int perm, Ids owner, List<Path> created) throws IOException {
        FileStat st = LinuxFiles.lstatIfExists(path);
        if (st != null && (st.isDirectory() || Files.isDirectory(path))) {
            return;
        }
        if (st != null) {
            throw new FileSystemException(path.toString(), null, "Not a directory");
        }
        Path parent = path.getParent();
        if (parent != null) {
            create(parent, perm, owner, created);
        }
        mkdir(path, perm);
        Metadata.chown(path, owner);
        created.add(path);
    }

    /** Creates one directory with exactly {@code perm & ~umask}. */
    static void mkdir(Path path, int perm) throws IOException {
        Files.createDirectory(path);
        Metadata.chmod(path, perm & 0777 & ~UMASK);
    }
}
