package dev.kiln.exporter.testing;

import dev.kiln.core.Digest;
import dev.kiln.exporter.fs.RootfsTarWriter;
import dev.kiln.worker.sys.LinuxFiles;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * A small root filesystem with the cases exporters get wrong: modes with setuid, a private directory, symlinks (one
 * dangling), a hard link, a non-ASCII name, a path longer than 100 bytes, an empty file, a file bigger than a gzip
 * block, and (as root) foreign ownership. {@link #layerTar} packs it with our TarWriter.
 */
public final class SampleRootfs {
    public static final String LONG_DIR = "a-directory-whose-name-is-long-enough/that-the-path-of-the-file-inside-it"
            + "/needs-a-pax-header-to-be-stored-in-a-tar";
    public static final Instant MTIME = Instant.parse("2023-04-05T06:07:08.123456789Z");

    private SampleRootfs() {
    }

    public static boolean runningAsRoot() throws IOException {
        return LinuxFiles.lstat(Path.of("/proc/self")).uid() == 0;
    }

    public static Path create(Path root) throws IOException {
        Files.createDirectories(root.resolve("etc"));
        write(root.resolve("etc/hostname"), "kiln\n", 0644);
        Files.createLink(root.resolve("etc/hostname.hard"), root.resolve("etc/hostname"));
        Files.createDirectories(root.resolve("bin"));
        write(root.resolve("bin/tool"), "#!/bin/sh\necho tool\n", 0755);
        write(root.resolve("bin/suid"), "suid", 04755);
        Files.createDirectories(root.resolve("data"));
        Files.write(root.resolve("data/blob.bin"), SampleData.compressible(1_300_000, 77));
        write(root.resolve("data/empty"), "", 0600);
        write(root.resolve("data/ünïcødé.txt"), "grüße\n", 0644);
        Files.createDirectories(root.resolve(LONG_DIR));
        write(root.resolve(LONG_DIR).resolve("file.txt"), "deep\n", 0644);
        Files.createSymbolicLink(root.resolve("link"), Path.of("etc/hostname"));
        Files.createSymbolicLink(root.resolve("dangling"), Path.of("/nowhere"));
        Files.createDirectories(root.resolve("private"));
        write(root.resolve("private/secret"), "s3cret", 0400);
        LinuxFiles.chmod(root.resolve("private"), 0700);
        if (runningAsRoot()) {
            Files.createDirectories(root.resolve("home/user"));
            write(root.resolve("home/user/file"), "mine", 0640);
            LinuxFiles.lchown(root.resolve("home/user/file"), 1000, 1001);
            LinuxFiles.lchown(root.resolve("home/user"), 1000, 1001);
        }
        try (var paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                LinuxFiles.setTimes(p, MTIME, MTIME);
            }
        }
        return root;
    }

    /** Packs {@code rootfs} as a layer tar and returns its diffID. */
    public static Digest layerTar(Path rootfs, Path tarFile) throws IOException {
        try (OutputStream out = Files.newOutputStream(tarFile)) {
            RootfsTarWriter.write(rootfs, Optional.empty(), out);
        }
        try (var in = Files.newInputStream(tarFile)) {
            return Digest.sha256(in);
        }
    }

    private static void write(Path file, String content, int mode) throws IOException {
        Files.writeString(file, content, StandardCharsets.UTF_8);
        LinuxFiles.chmod(file, mode);
    }
}
