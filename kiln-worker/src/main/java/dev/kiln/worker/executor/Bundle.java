package dev.kiln.worker.executor;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

/**
 * The OCI bundle directory of one run: config.json plus the generated hosts and resolv.conf (the rootfs
 * stays where the caller mounted it). A lock held for the whole run tells a later Kiln whether the
 * bundle still has an owner or was abandoned by a killed process. The files are scratch data, so they
 * are written without fsync.
 */
final class Bundle implements AutoCloseable {
    private static final String LOCK = "lock";

    private final Path dir;
    private final FileChannel lockChannel;

    private Bundle(Path dir, FileChannel lockChannel) {
        this.dir = dir;
        this.lockChannel = lockChannel;
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
            FileChannel channel = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            channel.lock();
            return new Bundle(dir, channel);
        } catch (IOException e) {
            deleteQuietly(dir);
            throw new KilnException(ErrorKind.UNAVAILABLE, "cannot lock bundle " + dir + ": " + e.getMessage(), e);
        }
    }

    Path dir() {
        return dir;
    }

    Path write(String name, byte[] content) {
        Path file = dir.resolve(name);
        try {
            Files.write(file, content);
            return file;
        } catch (IOException e) {
            throw new KilnException(ErrorKind.UNAVAILABLE, "cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        deleteQuietly(dir);
        try {
            lockChannel.close();
        } catch (IOException e) {
            // Closing releases the lock; a failure here leaves nothing behind that matters.
        }
    }

    /** True when no live process holds the bundle's lock (or it never got one). */
    static boolean isAbandoned(Path dir) {
        try (FileChannel channel = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            return lock != null;
        } catch (NoSuchFileException e) {
            return true;
        } catch (OverlappingFileLockException e) {
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    /** Bundles hold only the flat files written here, never the rootfs, so one level is enough. */
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
