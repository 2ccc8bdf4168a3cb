package dev.kiln.worker.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.core.Digest;
import dev.kiln.core.pattern.PatternMatcher;
import dev.kiln.worker.contenthash.ChecksumOptions;
import dev.kiln.worker.contenthash.ContentHash;
import dev.kiln.worker.contenthash.StatCache;
import dev.kiln.worker.sys.FileTrees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * A synced context's checksum through the cache that reuses unchanged directories whole must always equal the
 * checksum computed from scratch, whatever the user did to the context between builds.
 */
class SyncedContextChecksumTest {
    @TempDir
    Path tmp;
    private final Random random = new Random(7);

    private Path source() {
        return tmp.resolve("src");
    }

    private Path mirror() {
        return tmp.resolve("mirror");
    }

    /** One "build": sync, then the checksum with the persisted cache, compared with a fresh one. */
    private ContentHash build() throws Exception {
        ContextMirror.sync(source(), PatternMatcher.compile(List.of()), mirror(), tmp.resolve("state"));
        // Builds are always further apart than a clock tick; waiting here lets directories be remembered.
        Thread.sleep(60);
        StatCache cache = StatCache.load(tmp.resolve("mirror.stats"));
        ContentHash cached = ContentHash.ofSyncedContext(mirror(), cache);
        Digest d = cached.checksum("/", ChecksumOptions.PLAIN);
        cache.save();
        assertThat(d).isEqualTo(new ContentHash(mirror()).checksum("/", ChecksumOptions.PLAIN));
        return cached;
    }

    private void makeTree() throws Exception {
        for (String dir : List.of("a", "a/x", "a/x/deep", "b", "c")) {
            Files.createDirectories(source().resolve(dir));
            for (int f = 0; f < 5; f++) {
                Files.writeString(source().resolve(dir + "/f" + f), dir + f);
            }
        }
    }

    @Test
    void unchangedContext_reusesEveryDirectory_withoutListingOne() throws Exception {
        makeTree();
        build();
        ContentHash second = build();
        assertThat(second.entriesListed()).isZero();
        assertThat(second.filesRead()).isZero();
    }

    @Test
    void oneChangedFile_walksOnlyItsDirectoryAndAncestors() throws Exception {
        makeTree();
        build();
        Files.writeString(source().resolve("a/x/deep/f2"), "changed, and longer");
        ContentHash after = build();
        assertThat(after.filesRead()).isEqualTo(1);
        // deep's five files, x's six entries, a's six and the root's three; b and c reused unseen
        assertThat(after.entriesListed()).isEqualTo(5 + 6 + 6 + 3);
    }

    @Test
    void randomEdits_neverLeaveAStaleChecksum() throws Exception {
        makeTree();
        build();
        for (int round = 0; round < 40; round++) {
            edit();
            build();
        }
    }

    private void edit() throws Exception {
        List<Path> files = new ArrayList<>();
        List<Path> dirs = new ArrayList<>();
        try (Stream<Path> all = Files.walk(source())) {
            all.filter(p -> !p.equals(source())).forEach(p -> (Files.isDirectory(p) ? dirs : files).add(p));
        }
        Path file = files.isEmpty() ? null : files.get(random.nextInt(files.size()));
        Path dir = dirs.isEmpty() ? source() : dirs.get(random.nextInt(dirs.size()));
        switch (random.nextInt(8)) {
            case 0 -> { if (file != null) Files.writeString(file, "rewritten in place " + random.nextInt()); }
            case 1 -> Files.writeString(dir.resolve("new" + random.nextInt(1000)), "new");
            case 2 -> { if (file != null) Files.delete(file); }
            case 3 -> { if (file != null) Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------")); }
            case 4 -> Files.createDirectories(dir.resolve("sub" + random.nextInt(100)).resolve("leaf"));
            case 5 -> { if (!dir.equals(source())) FileTrees.deleteRecursively(dir); }
            case 6 -> { if (file != null) Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5))); }
            default -> { if (file != null) Files.move(file, dir.resolve("moved" + random.nextInt(1000))); }
        }
    }
}
