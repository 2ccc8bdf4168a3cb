package dev.kiln.frontend.dockerfile.convert;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.core.pattern.IgnoreFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Finds a build's ignore file like BuildKit: {@code <Dockerfile>.dockerignore} next to the Dockerfile wins over
 * {@code .dockerignore} at the context root; without either nothing is excluded.
 */
public final class DockerIgnoreFiles {
    private DockerIgnoreFiles() {
    }

    /**
     * The exclude patterns for building {@code contextDir} with {@code dockerfile} (null when the Dockerfile
     * comes from stdin).
     */
    public static List<String> read(Path contextDir, Path dockerfile) {
        if (dockerfile != null) {
            Path specific = dockerfile.resolveSibling(dockerfile.getFileName() + ".dockerignore");
            if (Files.isRegularFile(specific)) {
                return patterns(specific);
            }
        }
        Path common = contextDir.resolve(".dockerignore");
        return Files.isRegularFile(common) ? patterns(common) : List.of();
    }

    private static List<String> patterns(Path file) {
        try {
            return IgnoreFile.readAll(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new KilnException(ErrorKind.INVALID_ARGUMENT, "failed to read " + file + ": " + e.getMessage(), e);
        }
    }
}
