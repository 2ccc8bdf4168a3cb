package dev.kiln.worker.session;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.worker.snapshot.Mounter;
import dev.kiln.worker.sys.FileTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Where {@link SecretMounts} makes its tmpfs mount points: one directory per Kiln process, named by its pid. A
 * process that died during a step (SIGKILL, power loss) leaves a tmpfs holding a secret mounted; the next Kiln
 * to open the scratch area unmounts and deletes the directories of processes that are gone.
 */
public final class SecretScratch {
    private SecretScratch() {
    }

    /** This process's scratch directory under {@code parent}, after sweeping those of dead processes. */
    public static Path open(Path parent) {
        try {
            Files.createDirectories(parent);
            try (Stream<Path> dirs = Files.list(parent)) {
                for (Path dir : (Iterable<Path>) dirs::iterator) {
                    if (isAbandoned(dir)) {
                        Mounter.unmountAllUnder(dir);
                        FileTrees.deleteRecursively(dir);
                    }
                }
            }
            return parent.resolve(Long.toString(ProcessHandle.current().pid()));
        } catch (IOException e) {
            throw new KilnException(ErrorKind.INTERNAL, "secret scratch " + parent + ": " + e.getMessage(), e);
        }
    }

    private static boolean isAbandoned(Path dir) {
        String name = dir.getFileName().toString();
        if (!name.matches("[0-9]{1,18}")) {
            return false;
        }
        long pid = Long.parseLong(name);
        return pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).isEmpty();
    }
}
