package dev.kiln.worker.executor;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The OCI bundle directory of one run, holding only config.json (the rootfs stays where the caller
 * mounted it). The lock held on config.json for the whole run tells a later Kiln whether the bundle
 * still has an owner or was abandoned by a killed process. It is scratch data, written without fsync.
 */
final class Bundle implements AutoCloseable {
    private static final String CONFIG = "config.json";
    /**
     * Bundles this JVM holds. Probing their lock from here would be wrong twice over: the JVM reports an
     * overlap, and closing the probing channel would drop our own POSIX lock on the file.
     */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path dir;
    private final FileChannel config;

    private Bundle(Path dir, FileChannel config) {
        this.dir = dir;
        this.config = config;
    }

    static Bundle create(Path bundles, String id) {
        Path dir = bundles.resolve(id);
        try {
            Files.createDirectory(dir);
        } catch (FileAlreadyExistsException e) {
            throw new KilnException(ErrorKind.ALREADY_EXISTS, "container " + id + " is already running");
        } catch (IOException e) {
            throw new KilnException(ErrorKind.UNAVAILABLE, "cannot create bundle " + dir + ": " + e.getMessage(), e);
        }
        try {
            FileChannel config = FileChannel.open(dir.resolve(CONFIG), StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            config.lock();
            HELD.add(dir);
            return new Bundle(dir, config);
        } catch (IOException e) {
            deleteQuietly(dir);
            throw new KilnException(ErrorKind.UNAVAILABLE, "cannot lock bundle " + dir + ": " + e.getMessage(), e);
        }
    }

    Path dir() {
        return dir;
    }

    void writeConfig(byte[] json) {
        try {
            ByteBuffer buffer = ByteBuffer.wrap(json);
            while (buffer.hasRemaining()) {
                config.write(buffer);
            }
        } catch (IOException e) {
            throw new KilnException(ErrorKind.UNAVAILABLE, "cannot write " + dir.resolve(CONFIG) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        deleteQuietly(dir);
        HELD.remove(dir);
        try {
            config.close();
        } catch (IOException e) {
            // Closing releases the lock; a failure here leaves nothing behind that matters.
        }
    }

    /** True when no live process holds the bundle's lock (or it never got one). */
    static boolean isAbandoned(Path dir) {
        if (HELD.contains(dir)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(dir.resolve(CONFIG), StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            return lock != null;
        } catch (NoSuchFileException e) {
            return true;
        } catch (IOException | OverlappingFileLockException e) {
            return false;
        }
    }

    /** Bundles hold flat files only, never the rootfs, so one level is all there is to delete. */
    static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // Left for the next start-up sweep, which removes abandoned bundles.
        }
    }
}
