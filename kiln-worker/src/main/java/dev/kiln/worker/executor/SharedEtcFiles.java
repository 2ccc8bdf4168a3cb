package dev.kiln.worker.executor;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The hosts and resolv.conf files containers bind read-only, kept once per distinct content under
 * {@code <stateDir>/etc} (BuildKit shares them the same way) so a run creates no extra inodes: on ext4
 * every file created and deleted per run costs far more than the write itself.
 */
final class SharedEtcFiles {
    private final Path dir;
    private final Map<String, Path> verified = new ConcurrentHashMap<>();

    SharedEtcFiles(Path dir) {
        this.dir = dir;
    }

    /**
     * A file with exactly {@code content}. Written to a temp file and renamed, so a concurrent reader
     * never sees it half-written; files left by an earlier process are trusted only after a compare,
     * since they were not fsynced.
     */
    Path file(String prefix, byte[] content) {
        String name = prefix + "-" + shortHash(content);
        Path known = verified.get(name);
        if (known != null) {
            return known;
        }
        Path path = dir.resolve(name);
        try {
            if (!Files.isRegularFile(path) || !Arrays.equals(Files.readAllBytes(path), content)) {
                Path temp = Files.createTempFile(dir, name, ".tmp");
                Files.write(temp, content);
                Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new KilnException(ErrorKind.UNAVAILABLE, "cannot write " + path + ": " + e.getMessage(), e);
        }
        verified.put(name, path);
        return path;
    }

    private static String shortHash(byte[] content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
