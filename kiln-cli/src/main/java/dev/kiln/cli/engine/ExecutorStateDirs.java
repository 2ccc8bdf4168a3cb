package dev.kiln.cli.engine;

import dev.kiln.core.Digest;
import dev.kiln.worker.sys.FileTrees;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The runc state and bundle directories of state roots, kept on tmpfs ({@code /dev/shm/kiln-<hash of root>}) so
 * that a bundle's environment, secrets included, never reaches a disk. Each records the root it serves, so that
 * the directory of a state root deleted since (every test makes one) is removed by a later build instead of
 * staying in memory for good.
 */
final class ExecutorStateDirs {
    private static final String PREFIX = "kiln-";
    private static final String ROOT_MARKER = "root";

    private final Path tmpfs;

    ExecutorStateDirs(Path tmpfs) {
        this.tmpfs = tmpfs;
    }

    /** The executor directory of {@code root} (its parent records the root), after sweeping orphaned ones. */
    Path forRoot(Path root) throws IOException {
        sweepOrphans();
        Path dir = tmpfs.resolve(PREFIX + Digest.sha256(root.toString()).shortHex());
        Files.createDirectories(dir);
        Path marker = dir.resolve(ROOT_MARKER);
        if (!Files.exists(marker)) {
            Files.writeString(marker, root.toString());
        }
        return dir.resolve("executor");
    }

    /**
     * Removes the directories whose state root no longer exists and that hold no container: one with containers
     * left (a Kiln killed before its root was deleted) is left alone, as is one that records no root.
     */
    void sweepOrphans() throws IOException {
        List<Path> dirs;
        try (Stream<Path> entries = Files.list(tmpfs)) {
            dirs = entries.filter(p -> p.getFileName().toString().startsWith(PREFIX)).toList();
        }
        for (Path dir : dirs) {
            try {
                Path marker = dir.resolve(ROOT_MARKER);
                if (Files.isRegularFile(marker)
                        && !Files.exists(Path.of(Files.readString(marker, StandardCharsets.UTF_8)))
                        && !hasContainers(dir.resolve("executor/runc"))) {
                    FileTrees.deleteRecursively(dir);
                }
            } catch (IOException e) {
                // another build is using or removing it: leave it to a later sweep
            }
        }
    }

    private static boolean hasContainers(Path runcRoot) throws IOException {
        if (!Files.isDirectory(runcRoot)) {
            return false;
        }
        try (Stream<Path> containers = Files.list(runcRoot)) {
            return containers.findAny().isPresent();
        }
    }
}
