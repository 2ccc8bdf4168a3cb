package dev.kiln.e2e.mounts;

import com.github.luben.zstd.ZstdInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Looks for needles (secret values, their base64) in files, in what compressed files hold and in the
 * members of tar archives, recursively: a layer blob is searched raw, gunzipped, and as the tar it is.
 * Every search reports where each needle was found, so a test can also check that a known, non-secret
 * marker IS found (proving the scanner reaches into blobs and archives) while the secrets are not.
 */
final class LeakScanner {
    private static final byte[] GZIP = {0x1f, (byte) 0x8b};
    private static final byte[] ZSTD = {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd};
    private static final int TAR_MAGIC_OFFSET = 257;

    /** Needle name to its text (ISO-8859-1, so bytes map to chars one to one). */
    private final Map<String, String> needles = new LinkedHashMap<>();
    private final List<String> hits = new ArrayList<>();
    private int scanned;

    /** Adds the value and its base64 at every alignment it could have inside a longer encoded text. */
    LeakScanner secret(String name, byte[] value) {
        needles.put(name, latin1(value));
        for (int shift = 0; shift < 3; shift++) {
            byte[] shifted = new byte[shift + value.length];
            System.arraycopy(value, 0, shifted, shift, value.length);
            String encoded = Base64.getEncoder().encodeToString(shifted);
            // The first group mixes in the unknown prefix, the last group the unknown suffix or padding.
            String stable = encoded.substring(shift == 0 ? 0 : 4, encoded.length() - 4);
            if (stable.length() >= 8) {
                needles.put(name + " (base64, offset " + shift + ")", stable);
            }
        }
        return this;
    }

    /** A needle searched as is (a marker that must be found, a line of a key file). */
    LeakScanner plain(String name, String text) {
        needles.put(name, text);
        return this;
    }

    /** Every regular file below {@code dir}, symlinks not followed. */
    LeakScanner scanTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                    scanFile(f);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    LeakScanner scanFile(Path file) {
        try {
            scan(file.toString(), Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    LeakScanner scanText(String where, String text) {
        scan(where, text.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** Where needle {@code name} was found ("needle @ place"), for every needle. */
    List<String> hits() {
        return List.copyOf(hits);
    }

    List<String> hitsOf(String name) {
        return hits.stream().filter(h -> h.startsWith(name + " @ ")).toList();
    }

    /** How many byte streams were searched (files, decompressed blobs, archive members). */
    int scanned() {
        return scanned;
    }

    private void scan(String where, byte[] data) {
        scanned++;
        String text = latin1(data);
        needles.forEach((name, needle) -> {
            if (text.contains(needle)) {
                hits.add(name + " @ " + where);
            }
        });
        try {
            if (startsWith(data, GZIP)) {
                scan(where + "!gunzip", readAll(new GZIPInputStream(new ByteArrayInputStream(data))));
            } else if (startsWith(data, ZSTD)) {
                scan(where + "!unzstd", readAll(new ZstdInputStream(new ByteArrayInputStream(data))));
            } else if (isTar(data)) {
                scanTar(where, data);
            }
        } catch (IOException e) {
            // Not really compressed or not a whole archive after all: the raw bytes were searched above.
        }
    }

    private void scanTar(String where, byte[] data) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new ByteArrayInputStream(data))) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                if (e.isFile()) {
                    scan(where + "!" + e.getName(), tar.readAllBytes());
                }
            }
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    private static boolean isTar(byte[] data) {
        return data.length > TAR_MAGIC_OFFSET + 5
                && Arrays.equals(data, TAR_MAGIC_OFFSET, TAR_MAGIC_OFFSET + 5, "ustar".getBytes(StandardCharsets.US_ASCII), 0, 5);
    }

    private static boolean startsWith(byte[] data, byte[] magic) {
        return data.length >= magic.length && Arrays.equals(data, 0, magic.length, magic, 0, magic.length);
    }

    private static String latin1(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }
}
