package dev.kiln.worker.layer;

import static dev.kiln.worker.layer.TarFormat.BLOCK;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads tar members with Go's {@code archive/tar} Reader rules (ustar, PAX and GNU headers; GNU long names;
 * base-256 numbers; a missing end-of-archive marker is accepted) and keeps PAX values as raw bytes, so binary
 * xattrs such as {@code security.capability} survive. Any malformed or truncated input is a
 * {@link MalformedLayerException}.
 */
final class TarReader {
    private static final int MAX_SPECIAL_SIZE = 1 << 20;
    private static final String XATTR = "SCHILY.xattr.";

    private final InputStream in;
    private final byte[] blk = new byte[BLOCK];
    private long remaining;
    private int padding;

    TarReader(InputStream in) {
        this.in = in;
    }

    /** The next member, or null at the end of the archive. */
    TarEntry next() throws IOException {
        skip(remaining + padding);
        remaining = 0;
        padding = 0;
        Map<String, byte[]> pax = new HashMap<>();
        String longName = null;
        String longLink = null;
        while (true) {
            if (!readHeaderBlock()) {
                return null;
            }
            byte type = blk[TarFormat.TYPE];
            long size = parseNumeric(TarFormat.SIZE, 12);
            if (size < 0) {
                throw new MalformedLayerException("invalid tar header: negative size");
            }
            switch (type) {
                case 'x' -> parsePax(readSpecial(size), pax);
                case 'g' -> readSpecial(size);
                case 'L' -> longName = cString(readSpecial(size));
                case 'K' -> longLink = cString(readSpecial(size));
                default -> {
                    return entry(type, pax.containsKey("size") ? parseDecimal(pax.get("size")) : size, pax,
                            longName, longLink);
                }
            }
        }
    }

    /** The current member's content; reading past its end returns -1, a premature end of input throws. */
    InputStream content() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (remaining == 0) {
                    return -1;
                }
                int n = in.read(b, off, (int) Math.min(len, remaining));
                if (n < 0) {
                    throw truncated();
                }
                remaining -= n;
                return n;
            }
        };
    }

    private TarEntry entry(byte type, long size, Map<String, byte[]> pax, String longName, String longLink)
            throws IOException {
        boolean ustar = Arrays.equals(blk, TarFormat.MAGIC, TarFormat.MAGIC + 6, "ustar\0".getBytes(), 0, 6);
        boolean gnu = Arrays.equals(blk, TarFormat.MAGIC, TarFormat.MAGIC + 8, "ustar  \0".getBytes(), 0, 8);
        String name = string(TarFormat.NAME, TarFormat.NAME_SIZE);
        String prefix = ustar ? string(TarFormat.PREFIX, TarFormat.PREFIX_SIZE) : "";
        name = prefix.isEmpty() ? name : prefix + "/" + name;
        name = pax.containsKey("path") ? utf8(pax.get("path")) : longName != null ? longName : name;
        String link = string(TarFormat.LINKNAME, TarFormat.NAME_SIZE);
        link = pax.containsKey("linkpath") ? utf8(pax.get("linkpath")) : longLink != null ? longLink : link;
        TarEntry.Type t = type(type, name);
        boolean hasDevice = ustar || gnu;
        int uid = (int) (pax.containsKey("uid") ? parseDecimal(pax.get("uid")) : parseNumeric(TarFormat.UID, 8));
        int gid = (int) (pax.containsKey("gid") ? parseDecimal(pax.get("gid")) : parseNumeric(TarFormat.GID, 8));
        Instant mtime = pax.containsKey("mtime") ? paxTime(utf8(pax.get("mtime")))
                : Instant.ofEpochSecond(parseNumeric(TarFormat.MTIME, 12));
        int major = hasDevice ? (int) parseNumeric(TarFormat.DEVMAJOR, 8) : 0;
        int minor = hasDevice ? (int) parseNumeric(TarFormat.DEVMINOR, 8) : 0;
        Map<String, byte[]> xattrs = new HashMap<>();
        pax.forEach((k, v) -> {
            if (k.startsWith(XATTR)) {
                xattrs.put(k.substring(XATTR.length()), v);
            }
        });
        long dataSize = t == TarEntry.Type.REGULAR ? size : 0;
        remaining = dataSize;
        padding = TarHeaderEncoder.padding(dataSize);
        int mode = (int) (parseNumeric(TarFormat.MODE, 8) & 07777);
        return new TarEntry(t, name, link, dataSize, mode, uid, gid, mtime, major, minor, xattrs);
    }

    private static TarEntry.Type type(byte flag, String name) throws MalformedLayerException {
        return switch (flag) {
            case '0', '7' -> TarEntry.Type.REGULAR;
            case 0 -> name.endsWith("/") ? TarEntry.Type.DIRECTORY : TarEntry.Type.REGULAR;
            case '1' -> TarEntry.Type.HARDLINK;
            case '2' -> TarEntry.Type.SYMLINK;
            case '3' -> TarEntry.Type.CHAR_DEVICE;
            case '4' -> TarEntry.Type.BLOCK_DEVICE;
            case '5' -> TarEntry.Type.DIRECTORY;
            case '6' -> TarEntry.Type.FIFO;
            default -> throw new MalformedLayerException(
                    "unsupported tar member type '" + (char) flag + "' for " + name);
        };
    }

    /** Reads a header block; false at the end of the archive (two zero blocks, or a clean end of input). */
    private boolean readHeaderBlock() throws IOException {
        if (!readBlock()) {
            return false;
        }
        if (isZero(blk)) {
            if (!readBlock() || isZero(blk)) {
                return false;
            }
            throw new MalformedLayerException("invalid tar header: data after an end-of-archive block");
        }
        long stored = parseOctal(TarFormat.CHECKSUM, 8);
        long unsigned = 0;
        long signed = 0;
        for (int i = 0; i < BLOCK; i++) {
            byte c = (i >= TarFormat.CHECKSUM && i < TarFormat.CHECKSUM + 8) ? (byte) ' ' : blk[i];
            unsigned += c & 0xff;
            signed += c;
        }
        if (stored != unsigned && stored != signed) {
            throw new MalformedLayerException("invalid tar header: checksum mismatch (not a tar stream, or corrupt)");
        }
        return true;
    }

    /** Fills {@link #blk}; false on a clean end of input before its first byte. */
    private boolean readBlock() throws IOException {
        int n = in.readNBytes(blk, 0, BLOCK);
        if (n == 0) {
            return false;
        }
        if (n < BLOCK) {
            throw truncated();
        }
        return true;
    }

    private byte[] readSpecial(long size) throws IOException {
        if (size > MAX_SPECIAL_SIZE) {
            throw new MalformedLayerException("invalid tar header: extended header of " + size + " bytes");
        }
        byte[] data = in.readNBytes((int) size);
        if (data.length < size) {
            throw truncated();
        }
        skip(TarHeaderEncoder.padding(size));
        return data;
    }

    private void skip(long n) throws IOException {
        try {
            in.skipNBytes(n);
        } catch (java.io.EOFException e) {
            throw truncated();
        }
    }

    /** "%d key=value\n" records (Go's parsePAXRecord), values kept as bytes. */
    private static void parsePax(byte[] data, Map<String, byte[]> pax) throws MalformedLayerException {
        int pos = 0;
        while (pos < data.length) {
            int space = indexOf(data, (byte) ' ', pos);
            long len = space < 0 ? -1 : parseDecimalOrMinus(Arrays.copyOfRange(data, pos, space));
            if (len < 5 || pos + len > data.length || data[(int) (pos + len - 1)] != '\n') {
                throw new MalformedLayerException("invalid tar header: malformed PAX record");
            }
            int end = (int) (pos + len - 1);
            int eq = indexOf(data, (byte) '=', space + 1);
            if (eq < 0 || eq > end || eq == space + 1) {
                throw new MalformedLayerException("invalid tar header: malformed PAX record");
            }
            pax.put(utf8(Arrays.copyOfRange(data, space + 1, eq)), Arrays.copyOfRange(data, eq + 1, end));
            pos += (int) len;
        }
    }

    private long parseNumeric(int off, int size) throws MalformedLayerException {
        if ((blk[off] & 0x80) == 0) {
            return parseOctal(off, size);
        }
        boolean negative = (blk[off] & 0x40) != 0;
        int inv = negative ? 0xff : 0;
        long x = 0;
        for (int i = 0; i < size; i++) {
            int c = (blk[off + i] & 0xff) ^ inv;
            if (i == 0) {
                c &= 0x7f;
            }
            if ((x >>> 56) > 0) {
                throw new MalformedLayerException("invalid tar header: number overflows");
            }
            x = (x << 8) | c;
        }
        if (x < 0) {
            throw new MalformedLayerException("invalid tar header: number overflows");
        }
        return negative ? ~x : x;
    }

    private long parseOctal(int off, int size) throws MalformedLayerException {
        int start = off;
        int end = off + size;
        while (start < end && (blk[start] == ' ' || blk[start] == 0)) {
            start++;
        }
        while (end > start && (blk[end - 1] == ' ' || blk[end - 1] == 0)) {
            end--;
        }
        int nul = indexOf(blk, (byte) 0, start);
        if (nul >= 0 && nul < end) {
            end = nul;
        }
        if (start == end) {
            return 0;
        }
        try {
            return Long.parseUnsignedLong(new String(blk, start, end - start, StandardCharsets.US_ASCII), 8);
        } catch (NumberFormatException e) {
            throw new MalformedLayerException("invalid tar header: bad octal number", e);
        }
    }

    private static long parseDecimal(byte[] value) throws MalformedLayerException {
        long v = parseDecimalOrMinus(value);
        if (v < 0) {
            throw new MalformedLayerException("invalid tar header: bad PAX number " + utf8(value));
        }
        return v;
    }

    private static long parseDecimalOrMinus(byte[] value) {
        try {
            return Long.parseLong(utf8(value));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Go's parsePAXTime: seconds, optionally a dot and up to nanosecond digits (more are cut off). */
    static Instant paxTime(String s) throws MalformedLayerException {
        try {
            int dot = s.indexOf('.');
            long secs = Long.parseLong(dot < 0 ? s : s.substring(0, dot));
            if (dot < 0 || dot == s.length() - 1) {
                return Instant.ofEpochSecond(secs);
            }
            String frac = s.substring(dot + 1);
            if (!frac.chars().allMatch(Character::isDigit)) {
                throw new NumberFormatException(s);
            }
            frac = (frac + "000000000").substring(0, 9);
            long nanos = Long.parseLong(frac);
            return Instant.ofEpochSecond(secs, s.startsWith("-") ? -nanos : nanos);
        } catch (NumberFormatException | java.time.DateTimeException e) {
            throw new MalformedLayerException("invalid tar header: bad PAX time " + s, e);
        }
    }

    private String string(int off, int size) {
        int end = off;
        while (end < off + size && blk[end] != 0) {
            end++;
        }
        return new String(blk, off, end - off, StandardCharsets.UTF_8);
    }

    private static String cString(byte[] data) {
        int nul = indexOf(data, (byte) 0, 0);
        return utf8(nul < 0 ? data : Arrays.copyOf(data, nul));
    }

    private static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    private static int indexOf(byte[] data, byte b, int from) {
        for (int i = from; i < data.length; i++) {
            if (data[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static MalformedLayerException truncated() {
        return new MalformedLayerException("truncated tar stream: unexpected end of data");
    }
}
