package dev.kiln.worker.contenthash;

import dev.kiln.core.Digest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Re-hashing a context with the persisted stat cache (one 5,000-file context, small ones elsewhere: creating files is slow). */
class StatCacheTest {
    static final int LARGE = 5_000;
    static final int SMALL = 100;

    @TempDir
    Path tmp;
    Path context;
    Path cacheFile;

    @BeforeEach
    void setUp() {
        context = tmp.resolve("context");
        cacheFile = tmp.resolve("state/context.stats");
    }

    void makeContext(int files) throws Exception {
        for (int d = 0; d < 50; d++) {
            Path dir = Files.createDirectories(context.resolve("pkg" + d));
            for (int f = 0; f < files / 50; f++) {
                Files.writeString(dir.resolve("file" + f + ".txt"), "content " + d + "/" + f);
            }
        }
    }

    Digest hashWithCache(long[] reads) {
        StatCache cache = StatCache.load(cacheFile);
        ContentHash h = new ContentHash(context, cache);
        Digest d = h.checksum("/", ChecksumOptions.PLAIN);
        cache.save();
        reads[0] = h.filesRead();
        return d;
    }

    @Test
    void unchangedContext_isRehashedWithoutReadingFiles() throws Exception {
        makeContext(LARGE);
        long[] reads = new long[1];
        Digest first = hashWithCache(reads);
        assertThat(reads[0]).isEqualTo(LARGE);
        Digest second = hashWithCache(reads);
        assertThat(reads[0]).isZero();
        assertThat(second).isEqualTo(first).isEqualTo(new ContentHash(context).checksum("/", ChecksumOptions.PLAIN));
    }

    @Test
    void aCacheNobodyUsed_leavesTheSavedOneAlone() throws Exception {
        makeContext(SMALL);
        long[] reads = new long[1];
        hashWithCache(reads);
        StatCache.load(cacheFile).save(); // a build that took nothing from the context
        hashWithCache(reads);
        assertThat(reads[0]).isZero();
    }

    @Test
    void touchedFile_isReadAgain_andKeepsTheChecksum() throws Exception {
        makeContext(SMALL);
        long[] reads = new long[1];
        Digest first = hashWithCache(reads);
        Files.setLastModifiedTime(context.resolve("pkg7/file1.txt"), FileTime.from(Instant.now().plusSeconds(60)));
        Digest touched = hashWithCache(reads);
        assertThat(reads[0]).isEqualTo(1);
        assertThat(touched).isEqualTo(first);
    }

    @Test
    void modifiedFile_changesTheChecksum() throws Exception {
        makeContext(SMALL);
        long[] reads = new long[1];
        Digest first = hashWithCache(reads);
        Files.writeString(context.resolve("pkg9/file0.txt"), "different");
        Digest changed = hashWithCache(reads);
        assertThat(reads[0]).isEqualTo(1);
        assertThat(changed).isNotEqualTo(first).isEqualTo(new ContentHash(context).checksum("/", ChecksumOptions.PLAIN));
    }

    @Test
    void replacedFileWithSameSizeAndMtime_isDetectedByInodeAndCtime() throws Exception {
        makeContext(SMALL);
        long[] reads = new long[1];
        Path f = context.resolve("pkg1/file1.txt");
        Digest first = hashWithCache(reads);
        FileTime mtime = Files.getLastModifiedTime(f);
        Path replacement = Files.writeString(context.resolve("pkg1/new"), "CONTENT 1/1");
        Files.setLastModifiedTime(replacement, mtime);
        Files.move(replacement, f, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(hashWithCache(reads)).isNotEqualTo(first);
        assertThat(reads[0]).isEqualTo(1);
    }

    @Test
    void damagedCacheFile_isIgnored() throws Exception {
        makeContext(SMALL);
        long[] reads = new long[1];
        Digest first = hashWithCache(reads);
        Files.write(cacheFile, new byte[] {0x4b, 0x4c, 0x53, 0x31, 0x7f, 0x7f, 0x7f});
        assertThat(hashWithCache(reads)).isEqualTo(first);
        assertThat(reads[0]).isEqualTo(SMALL);
    }
}
