package dev.kiln.exporter;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Access to the build's root filesystem for the {@code local} and {@code tar} exporters. The engine may have to mount
 * a snapshot to show it, so the directory is handed to {@code use} and is valid only during that call; image
 * exporters never ask for it.
 */
@FunctionalInterface
public interface RootfsView {

    @FunctionalInterface
    interface Reader {
        void read(Path rootfs) throws IOException;
    }

    void read(Reader use) throws IOException;

    /** A root filesystem that is already a plain directory. */
    static RootfsView of(Path directory) {
        return use -> use.read(directory);
    }
}
