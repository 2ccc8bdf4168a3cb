package dev.kiln.exporter.testing;

import dev.kiln.worker.sys.FileStat;
import dev.kiln.worker.sys.LinuxFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Compares an exported tree with the one that was exported, file by file. */
public final class Trees {
    private Trees() {
    }

    /**
     * Every path under {@code expected} exists under {@code actual} with the same type, permission bits, content,
     * link target and, when asked, owner; non-directories have {@code mtime} (or the source's mtime when empty).
     */
    public static void assertContains(Path expected, Path actual, boolean owners, Optional<Instant> mtime)
            throws IOException {
        try (var paths = Files.walk(expected)) {
            for (Path src : (Iterable<Path>) paths::iterator) {
                if (src.equals(expected)) {
                    continue;
                }
                String rel = expected.relativize(src).toString();
                Path dst = actual.resolve(rel);
                FileStat want = LinuxFiles.lstat(src);
                FileStat got = LinuxFiles.lstatIfExists(dst);
                assertThat(got).as("exists: " + rel).isNotNull();
                assertThat(Integer.toOctalString(got.mode())).as("mode of " + rel).isEqualTo(Integer.toOctalString(want.mode()));
                if (owners) {
                    assertThat(got.uid() + ":" + got.gid()).as("owner of " + rel).isEqualTo(want.uid() + ":" + want.gid());
                }
                if (want.isRegular()) {
                    assertThat(Files.readAllBytes(dst)).as("content of " + rel).isEqualTo(Files.readAllBytes(src));
                    assertThat(got.nlink()).as("links of " + rel).isEqualTo(want.nlink());
                }
                if (want.isSymlink()) {
                    assertThat(Files.readSymbolicLink(dst)).as("target of " + rel).isEqualTo(Files.readSymbolicLink(src));
                }
                if (!want.isDirectory()) {
                    assertThat(got.mtime()).as("mtime of " + rel).isEqualTo(mtime.orElse(want.mtime()));
                }
            }
        }
    }
}
