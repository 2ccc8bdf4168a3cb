package dev.kiln.cli.build;

import dev.kiln.cli.BuildOptions;
import dev.kiln.cli.engine.Engine;
import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.worker.layer.ApplyOptions;
import dev.kiln.worker.sys.FileTrees;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code kiln build -}: the context arrives as a tar (plain, gzip or zstd) on stdin. It is unpacked
 * with the same hostile-input rules as an image layer (nothing escapes the directory) into a
 * directory under the state root's tmp, removed when the build ends.
 */
final class StdinContext implements AutoCloseable {
    private final Path dir;

    private StdinContext(Path dir) {
        this.dir = dir;
    }

    /** Unpacks stdin into a temporary context when CONTEXT is {@code -}; else does nothing. */
    static StdinContext unpackIfGiven(BuildOptions build, Engine engine) {
        if (!build.contextFromStdin()) {
            return new StdinContext(null);
        }
        try {
            Path dir = Files.createTempDirectory(Files.createDirectories(engine.tempDir()), "stdin-context-");
            StdinContext context = new StdinContext(dir);
            try {
                build.useUnpackedContext(dir);
                engine.layerApplier().apply(System.in, dir, ApplyOptions.plain().withDevices(false));
                return context;
            } catch (RuntimeException e) {
                context.close();
                throw e;
            }
        } catch (IOException e) {
            throw new KilnException(ErrorKind.INTERNAL, "unpack the context from stdin: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (dir != null) {
            try {
                FileTrees.deleteRecursively(dir);
            } catch (IOException e) {
                // a leftover under the state root's tmp is harmless
            }
        }
    }
}
