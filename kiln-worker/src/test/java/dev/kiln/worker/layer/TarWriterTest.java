package dev.kiln.worker.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kiln.worker.fstest.Tools;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TarWriterTest {
    private static final Instant T = Instant.ofEpochSecond(1_700_000_000L);

    @TempDir
    Path temp;

    static byte[] tar(List<TarEntry> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarWriter w = new TarWriter(out)) {
            for (TarEntry e : entries) {
                w.putEntry(e);
                if (e.size() > 0) {
                    w.writeContent(new ByteArrayInputStream("x".repeat((int) e.size()).getBytes()));
                }
            }
        }
        return out.toByteArray();
    }

    static String field(byte[] b, int off, int len) {
        return new String(b, off, len, StandardCharsets.ISO_8859_1);
    }

    @Test
    void plainFile_isOneUstarHeaderLaidOutAsPosixSays() throws IOException {
        byte[] b = tar(List.of(TarEntry.regular("hello.txt", 5, 0644).withModTime(T)));
        // 1700000000 = 014524770400 octal; checksum computed over the block with the checksum field as spaces.
        assertThat(field(b, 0, 100)).isEqualTo("hello.txt" + "\0".repeat(91));
        assertThat(field(b, 100, 8)).isEqualTo("0000644\0");
        assertThat(field(b, 108, 16)).isEqualTo("0000000\0" + "0000000\0");
        assertThat(field(b, 124, 12)).isEqualTo("00000000005\0");
        assertThat(field(b, 136, 12)).isEqualTo("14524770400\0");
        assertThat(b[156]).isEqualTo((byte) '0');
        assertThat(field(b, 257, 8)).isEqualTo("ustar\00000");
        assertThat(field(b, 265, 64)).isEqualTo("\0".repeat(64));
        assertThat(field(b, 329, 16)).isEqualTo("0000000\0" + "0000000\0");
        long sum = 0;
        for (int i = 0; i < 512; i++) {
            sum += (i >= 148 && i < 156) ? ' ' : b[i] & 0xff;
        }
        assertThat(field(b, 148, 8)).isEqualTo(String.format("%06o\0 ", sum));
        assertThat(b.length).isEqualTo(512 + 512 + 1024);
        assertThat(Arrays.copyOfRange(b, 1024, b.length)).containsOnly(0);
    }

    @Test
    void longSplittableName_usesTheUstarPrefixField() throws IOException {
        String name = "a".repeat(60) + "/" + "b".repeat(60) + "/file.txt";
        byte[] b = tar(List.of(TarEntry.regular(name, 0, 0644)));
        assertThat(field(b, 0, 9)).isEqualTo("file.txt\0");
        assertThat(field(b, 345, 122)).isEqualTo("a".repeat(60) + "/" + "b".repeat(60) + "\0");
        assertThat(b.length).isEqualTo(512 + 1024);
    }

    @Test
    void nanosecondMtime_goesIntoAPaxRecordNamedLikeGo() throws IOException {
        TarEntry e = TarEntry.regular("dir/file", 0, 0644).withModTime(Instant.ofEpochSecond(1_700_000_000L, 120_000_000));
        byte[] b = tar(List.of(e));
        assertThat(b[156]).isEqualTo((byte) 'x');
        assertThat(field(b, 0, 23)).isEqualTo("dir/PaxHeaders.0/file\0\0");
        assertThat(field(b, 512, 24)).isEqualTo("23 mtime=1700000000.12\n\0");
        assertThat(field(b, 1024 + 136, 12)).isEqualTo("14524770400\0");
    }

    @Test
    void paxRecordLengthsCountThemselvesAcrossDigitBoundaries() throws IOException {
        for (int n = 88; n <= 100; n++) {
            byte[] b = tar(List.of(TarEntry.regular("é".repeat(n / 2) + "x".repeat(n % 2), 0, 0644)));
            int size = Integer.parseInt(field(b, 124, 11).trim(), 8);
            String record = field(b, 512, size);
            int declared = Integer.parseInt(record.substring(0, record.indexOf(' ')));
            assertThat(declared).as("record for name length %d", n).isEqualTo(size);
        }
    }

    @Test
    void gnuTarListsEveryKindOfMember() throws IOException {
        assumeTrue(Tools.available("tar"));
        String longName = "deep/" + "n".repeat(120) + ".txt";
        String longTarget = "/" + "t".repeat(150);
        List<TarEntry> entries = List.of(
                TarEntry.directory("etc", 0755).withModTime(T),
                TarEntry.regular("etc/passwd", 10, 0644).withOwner(0, 0).withModTime(T),
                TarEntry.regular(longName, 3, 04755).withOwner(3_000_000, 42).withModTime(T),
                TarEntry.regular("ünïcødé.txt", 1, 0600).withModTime(Instant.ofEpochSecond(1_700_000_000L, 5)),
                TarEntry.symlink("etc/long-link", longTarget).withModTime(T),
                TarEntry.hardlink("etc/passwd-link", "etc/passwd").withModTime(T),
                TarEntry.device(TarEntry.Type.CHAR_DEVICE, "dev/null", 0666, 1, 3).withModTime(T),
                TarEntry.device(TarEntry.Type.FIFO, "run/fifo", 0644, 0, 0).withModTime(T),
                TarEntry.regular("bin/ping", 2, 0755).withModTime(T)
                        .withXattrs(Map.of("security.capability", new byte[] {1, 0, 0, 2, (byte) 0x80})));
        Path file = Files.write(temp.resolve("out.tar"), tar(entries));
        List<String> listing = Tools.tarList(file);
        assertThat(listing).hasSize(entries.size());
        assertThat(listing.get(0)).startsWith("drwxr-xr-x 0/0").endsWith(" etc/");
        assertThat(listing.get(1)).contains(" 10 2023-11-14 22:13:20 etc/passwd");
        assertThat(listing.get(2)).startsWith("-rwsr-xr-x 3000000/42").endsWith(longName);
        assertThat(listing.get(3)).endsWith("ünïcødé.txt");
        assertThat(listing.get(4)).startsWith("lrwxrwxrwx").endsWith("etc/long-link -> " + longTarget);
        assertThat(listing.get(5)).startsWith("hrw-r--r--").endsWith("etc/passwd-link link to etc/passwd");
        assertThat(listing.get(6)).startsWith("crw-rw-rw-").contains(" 1,3 ").endsWith("dev/null");
        assertThat(listing.get(7)).startsWith("prw-r--r--").endsWith("run/fifo");
        assertThat(listing.get(8)).endsWith("bin/ping");
        String xattrs = Tools.run("tar", "--xattrs", "--xattrs-include=*", "-tvvf", file.toString());
        assertThat(xattrs).contains("security.capability");
    }

    @Test
    void independentReaderSeesTheSameFields() throws IOException {
        String longName = "deep/" + "n".repeat(120) + ".txt";
        byte[] b = tar(List.of(TarEntry.regular(longName, 4, 0640).withOwner(3_000_000, 7)
                .withModTime(Instant.ofEpochSecond(1_700_000_000L, 999_999_999))));
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(b))) {
            TarArchiveEntry e = in.getNextEntry();
            assertThat(e.getName()).isEqualTo(longName);
            assertThat(e.getSize()).isEqualTo(4);
            assertThat(e.getMode() & 07777).isEqualTo(0640);
            assertThat(e.getLongUserId()).isEqualTo(3_000_000);
            assertThat(e.getExtraPaxHeaders()).isEmpty();
            assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("xxxx");
            assertThat(in.getNextEntry()).isNull();
        }
    }

    @Test
    void misuseIsRefused() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TarWriter w = new TarWriter(out);
        w.putEntry(TarEntry.regular("a", 3, 0644));
        assertThatThrownBy(() -> w.write(new byte[4], 0, 4)).hasMessageContaining("exceeds");
        assertThatThrownBy(() -> w.putEntry(TarEntry.regular("b", 0, 0644))).hasMessageContaining("missing 3 bytes");
        assertThatThrownBy(() -> TarEntry.regular("c", 1, 0100644)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * umoci writes layers with Go's archive/tar (Format unset, which encodes whole-second headers exactly as the
     * PAX-requested writer BuildKit uses). Re-encoding every member it wrote must give back its bytes exactly:
     * ustar and PAX headers, prefix splits, xattr records, hard links, devices, padding.
     */
    @Test
    void reencodingAGoWrittenLayerReproducesItByteForByte() throws Exception {
        assumeTrue(Tools.available("umoci") && "root".equals(System.getProperty("user.name")));
        Path tree = Files.createDirectories(temp.resolve("tree"));
        dev.kiln.worker.fstest.FsTree.writeRichTree(tree);
        Path layout = temp.resolve("layout");
        Tools.run("umoci", "init", "--layout", layout.toString());
        Tools.run("umoci", "new", "--image", layout + ":t");
        Tools.run("umoci", "insert", "--image", layout + ":t", tree.toString(), "/");
        byte[] goTar = GoLayers.lastLayer(layout, "t");

        ByteArrayOutputStream again = new ByteArrayOutputStream();
        TarReader reader = new TarReader(new ByteArrayInputStream(goTar));
        List<String> names = new ArrayList<>();
        try (TarWriter w = new TarWriter(again)) {
            for (TarEntry e = reader.next(); e != null; e = reader.next()) {
                names.add(e.name());
                w.putEntry(e);
                w.writeContent(reader.content());
            }
        }
        assertThat(names).contains("usr/bin/tool", "var/lib/data-link.bin").anyMatch(n -> n.length() > 100);
        // umoci never closes its tar.Writer, so its layers lack the two zero blocks Go's Close would add.
        byte[] closed = Arrays.copyOf(goTar, goTar.length + 1024);
        assertThat(again.toByteArray()).isEqualTo(closed);
    }
}
