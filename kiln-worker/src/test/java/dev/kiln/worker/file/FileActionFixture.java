package dev.kiln.worker.file;

import dev.kiln.graph.FileAction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What the file action tests share: a build context {@code ctx} as the only input and the destination root
 * {@code base}, both fresh directories under {@code tmp}, which stays free for files outside either root.
 */
abstract class FileActionFixture {
    @TempDir
    Path tmp;
    Path ctx;
    Path base;

    @BeforeEach
    void createRoots() throws IOException {
        ctx = Files.createDirectory(tmp.resolve("ctx"));
        base = Files.createDirectory(tmp.resolve("base"));
    }

    /** Applies {@code action} to {@code base}, with {@code ctx} as input 0. */
    void apply(FileAction action) throws InterruptedException {
        FileActions.apply(base, List.of(ctx), action);
    }

    void run(Copies copy) throws InterruptedException {
        apply(copy.build());
    }
}
