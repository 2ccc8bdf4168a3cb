package dev.kiln.core.content;

import dev.kiln.core.Digest;
import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The on-disk store, laid out like containerd's: {@code <root>/blobs/sha256/<hex>} for committed blobs and
 * {@code <root>/ingest/} for writes in progress. A write goes to a locked temp file in {@code ingest/}, is fsynced
 * and then renamed into {@code blobs/} (the rename is atomic, so a blob path either does not exist or holds the
 * complete, verified content). Ingest files left behind by a crashed process are unlocked and get removed by
 * {@link #removeStaleIngests()}, which runs when a store is opened.
 */
public final class LocalContentStore implements ContentStore {
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    private final Path root;
    private final Path blobs;
    private final Path ingest;

    public LocalContentStore(Path root) {
        this.root = root;
        this.blobs = root.resolve("blobs").resolve("sha256");
        this.ingest = root.resolve("ingest");
        try {
            Files.createDirectories(blobs);
            Files.createDirectories(ingest);
        } catch (IOException e) {
            throw failure("creating the store", e);
        }
        removeStaleIngests();
    }

    public Path root() {
        return root;
    }

    @Override
    public Optional<ContentInfo> info(Digest digest) {
        Path file = blobPath(digest);
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return Optional.of(new ContentInfo(digest, a.size(), a.lastModifiedTime().toInstant()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw failure("reading " + digest, e);
        }
    }

    @Override
    public InputStream open(Digest digest) {
        try {
            return Files.newInputStream(blobPath(digest));
        } catch (NoSuchFileException e) {
            throw ContentStore.notFound(digest);
        } catch (IOException e) {
            throw failure("opening " + digest, e);
        }
    }

    @Override
    public Path path(Digest digest) {
        Path file = blobPath(digest);
        if (!Files.isRegularFile(file)) {
            throw ContentStore.notFound(digest);
        }
        return file;
    }

    @Override
    public ContentWriter writer() {
        Path temp = ingest.resolve(UUID.randomUUID().toString());
        try {
            return new LocalContentWriter(temp, blobs);
        } catch (IOException e) {
            throw failure("starting a write", e);
        }
    }

    @Override
    public boolean delete(Digest digest) {
        try {
            return Files.deleteIfExists(blobPath(digest));
        } catch (IOException e) {
            throw failure("deleting " + digest, e);
        }
    }

    @Override
    public void walk(Consumer<ContentInfo> visitor) {
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(blobs)) {
            for (Path file : dir) {
                String name = file.getFileName().toString();
                if (HEX.matcher(name).matches()) {
                    info(new Digest("sha256", name)).ifPresent(visitor);
                }
            }
        } catch (IOException e) {
            throw failure("listing blobs", e);
        }
    }

    @Override
    public boolean verify(Digest digest) {
        try (InputStream in = open(digest)) {
            return Digest.sha256(in).equals(digest);
        } catch (IOException e) {
            throw failure("verifying " + digest, e);
        }
    }

    /**
     * Deletes ingest files no live writer holds: leftovers of a process that died mid-write. Files of writers in
     * this JVM are skipped without being opened, because closing any descriptor of a file drops this process's
     * POSIX locks on it. Returns how many files were removed.
     */
    public int removeStaleIngests() {
        int removed = 0;
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(ingest)) {
            for (Path file : dir) {
                if (!LocalContentWriter.isActive(file) && removeIfUnlocked(file)) {
                    removed++;
                }
            }
        } catch (IOException e) {
            throw failure("cleaning ingest files", e);
        }
        return removed;
    }

    private static boolean removeIfUnlocked(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE);
             FileLock lock = ch.tryLock()) {
            if (lock == null) {
                return false; // another process is still writing it
            }
            Files.delete(file);
            return true;
        } catch (NoSuchFileException | OverlappingFileLockException e) {
            return false;
        }
    }

    private Path blobPath(Digest digest) {
        if (!"sha256".equals(digest.algorithm())) {
            throw new KilnException(ErrorKind.INVALID_ARGUMENT, "unsupported digest algorithm: " + digest);
        }
        return blobs.resolve(digest.hex());
    }

    private KilnException failure(String what, IOException e) {
        return new KilnException(ErrorKind.INTERNAL, "content store " + root + ": " + what + ": " + e, e);
    }
}
