package dev.kiln.worker.file;

import dev.kiln.worker.layer.ApplyOptions;
import dev.kiln.worker.layer.LayerApplier;
import dev.kiln.worker.sys.FileStat;
import dev.kiln.worker.sys.LinuxFiles;
import dev.kiln.worker.sys.RootPath;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * {@code ADD} of a local archive: a regular source file that is a tar (plain, gzip, bzip2, xz or
 * zstd) is extracted into the destination directory instead of copied, through the safe
 * {@link LayerApplier}; {@code --chown} overrides the archive's owners.
 */
final class Unpack {
    private static final int MAGIC = 6;

    private Unpack() {
    }

    /** Extracts {@code source} if it is an archive; false (nothing done) when it is not. */
    static boolean tryUnpack(Path srcRoot, String source, Path destRoot, String dest, CopySpec spec) throws IOException {
        Path archive = RootPath.resolve(srcRoot, source);
        if (!isArchive(archive)) {
            return false;
        }
        Path target = RootPath.resolve(destRoot, dest);
        Mkdirs.mkdirAll(target, 0755, spec.owner(), spec.time());
        try (InputStream tar = decompressed(archive)) {
            // Extraction into a plain directory never mounts anything, so no Mounter is needed.
            new LayerApplier(null).apply(tar, target, ApplyOptions.plain());
        }
        if (spec.owner() != null) {
            chownEntries(archive, target, spec.owner());
        }
        return true;
    }

    /** BuildKit's test: a regular file whose (decompressed) content starts with a valid tar header. */
    static boolean isArchive(Path p) {
        try {
            FileStat st = LinuxFiles.lstatIfExists(p);
            if (st == null || !st.isRegular()) {
                return false;
            }
            try (TarArchiveInputStream tar = new TarArchiveInputStream(decompressed(p))) {
                return tar.getNextEntry() != null;
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    static InputStream decompressed(Path p) throws IOException {
        BufferedInputStream in = new BufferedInputStream(Files.newInputStream(p), 1 << 16);
        try {
            in.mark(MAGIC);
            byte[] m = in.readNBytes(MAGIC);
            in.reset();
            if (startsWith(m, 0x1f, 0x8b)) {
                return new GZIPInputStream(in, 1 << 16);
            }
            if (startsWith(m, 'B', 'Z', 'h')) {
                return new BZip2CompressorInputStream(in);
            }
            if (startsWith(m, 0xfd, '7', 'z', 'X', 'Z', 0x00)) {
                return new XZCompressorInputStream(in);
            }
            if (startsWith(m, 0x28, 0xb5, 0x2f, 0xfd)) {
                return new ZstdCompressorInputStream(in);
            }
            return in;
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    private static boolean startsWith(byte[] data, int... magic) {
        if (data.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((data[i] & 0xff) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** Gives every extracted entry the --chown owner; names resolve inside the target, never through a final link. */
    private static void chownEntries(Path archive, Path target, Ids owner) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(decompressed(archive))) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                if (RootPath.clean(e.getName()).isEmpty()) {
                    continue;
                }
                Path p = RootPath.resolveParent(target, e.getName());
                if (LinuxFiles.lstatIfExists(p) != null) {
                    Metadata.chown(p, owner);
                }
            }
        }
    }
}
