package dev.kiln.worker.session;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.graph.ExecMount;
import dev.kiln.graph.ExecOp;
import dev.kiln.worker.snapshot.Mount;
import dev.kiln.worker.snapshot.Mounter;
import dev.kiln.worker.sys.LinuxFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Gives exec steps their secrets the way BuildKit does: a file mount is a fresh tmpfs per step holding one file
 * with the mount's mode, uid and gid; an env secret becomes an environment variable. A required secret the client
 * did not provide fails the step with {@code secret ID: not found}; an optional one is simply absent.
 */
public final class SecretMounts {
    private static final FileAttribute<?> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    private final SecretStore store;
    private final Mounter mounter;
    private final Path scratch;

    /**
     * @param scratch where the per-step tmpfs mount points are made; keep it under the state root so the start-up
     *     clean-up of stale mounts also reclaims tmpfs mounts left by a crash (their content never touches disk)
     */
    public SecretMounts(SecretStore store, Mounter mounter, Path scratch) {
        this.store = store;
        this.mounter = mounter;
        this.scratch = scratch;
    }

    /** The secret file for a {@code type=secret} mount, or empty when an optional secret is missing. */
    public Optional<SecretFile> mount(ExecMount.SecretOpt opt) {
        Optional<byte[]> value = opt.optional() ? store.get(opt.id()) : Optional.of(store.require(opt.id()));
        return value.map(v -> materialise(opt, v));
    }

    /**
     * Environment variables for {@code env=} secrets, in order. BuildKit passes the value as a string, so a value
     * that is not UTF-8 is decoded with replacement characters.
     */
    public Map<String, String> environment(List<ExecOp.SecretEnv> secretEnv) {
        Map<String, String> env = new LinkedHashMap<>();
        for (ExecOp.SecretEnv e : secretEnv) {
            Optional<byte[]> value = e.optional() ? store.get(e.id()) : Optional.of(store.require(e.id()));
            value.ifPresent(v -> env.put(e.name(), new String(v, StandardCharsets.UTF_8)));
        }
        return env;
    }

    private SecretFile materialise(ExecMount.SecretOpt opt, byte[] value) {
        Path dir;
        try {
            dir = Files.createTempDirectory(Files.createDirectories(scratch), "secret-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx--x--x")));
        } catch (IOException e) {
            throw new KilnException(ErrorKind.INTERNAL, "secret " + opt.id() + ": " + e.getMessage(), e);
        }
        try {
            mounter.mount(List.of(tmpfs(opt.mode())), dir);
        } catch (KilnException e) {
            deleteEmptyDirectory(dir);
            throw e;
        }
        SecretFile secret = new SecretFile(mounter, dir, dir.resolve(UUID.randomUUID().toString()));
        try {
            try (SeekableByteChannel ch = Files.newByteChannel(secret.file(),
                    Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), OWNER_ONLY)) {
                ByteBuffer buf = ByteBuffer.wrap(value);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
            }
            LinuxFiles.lchown(secret.file(), opt.uid(), opt.gid());
            LinuxFiles.chmod(secret.file(), opt.mode() & 07777);
            return secret;
        } catch (IOException | RuntimeException e) {
            secret.close();
            throw new KilnException(ErrorKind.INTERNAL, "secret " + opt.id() + ": " + e.getMessage(), e);
        }
    }

    private static void deleteEmptyDirectory(Path dir) {
        try {
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // an empty mount point left in the scratch directory; the mount failure is what the user must see
        }
    }

    /** Like BuildKit's: no devices, no setuid, and no exec unless the file mode asks for an executable secret. */
    private static Mount tmpfs(int mode) {
        List<String> options = new ArrayList<>(List.of("nodev", "nosuid", "mode=0711"));
        if ((mode & 0111) == 0) {
            options.add("noexec");
        }
        return new Mount("tmpfs", "tmpfs", "", options);
    }
}
