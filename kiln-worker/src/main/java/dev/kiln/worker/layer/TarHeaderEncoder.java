package dev.kiln.worker.layer;

import dev.kiln.core.GoPath;

import static dev.kiln.worker.layer.TarFormat.BLOCK;
import static dev.kiln.worker.layer.TarFormat.utf8;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a {@link TarEntry} into header blocks exactly as Go's {@code tar.Writer.WriteHeader} does for a Header
 * whose Format is PAX: a plain ustar header (long ASCII names split into prefix and name) when that loses
 * nothing, otherwise a PAX extended header ({@code PaxHeaders.0}) with the records that need it, sorted by key,
 * followed by a ustar header with whatever fits.
 */
final class TarHeaderEncoder {
    /** Go refuses PAX headers larger than this. */
    private static final int MAX_PAX_SIZE = 1 << 20;
    private static final String XATTR = "SCHILY.xattr.";

    private TarHeaderEncoder() {
    }

    static byte[] encode(TarEntry e) {
        byte[] name = utf8(e.name());
        byte[] link = utf8(e.linkName());
        Map<String, byte[]> pax = new TreeMap<>(TarHeaderEncoder::compareUtf8);
        boolean ustar = true;
        boolean preferPax = false;
        String[] split = null;
        if (!TarFormat.isAscii(name) || name.length > TarFormat.NAME_SIZE) {
            split = splitUstarPath(e.name());
            ustar = split != null;
            pax.put("path", name);
        }
        if (!TarFormat.isAscii(link) || link.length > TarFormat.NAME_SIZE) {
            ustar = false;
            pax.put("linkpath", link);
        }
        ustar &= numeric(pax, "uid", Integer.toUnsignedLong(e.uid()));
        ustar &= numeric(pax, "gid", Integer.toUnsignedLong(e.gid()));
        ustar &= numeric(pax, "size", e.size());
        if (!TarFormat.fitsOctal(8, Integer.toUnsignedLong(e.devMajor()))
                || !TarFormat.fitsOctal(8, Integer.toUnsignedLong(e.devMinor()))) {
            throw new IllegalArgumentException("tar entry " + e.name() + ": device number too large");
        }
        Instant t = e.modTime();
        boolean mtimeFits = TarFormat.fitsOctal(12, t.getEpochSecond());
        if (!mtimeFits || t.getNano() != 0) {
            preferPax = true;
            ustar &= mtimeFits;
            pax.put("mtime", utf8(paxTime(t)));
        }
        for (Map.Entry<String, byte[]> x : e.xattrs().entrySet()) {
            if (x.getKey().isEmpty() || x.getKey().contains("=") || x.getKey().indexOf('\0') >= 0) {
                throw new IllegalArgumentException("tar entry " + e.name() + ": invalid xattr name " + x.getKey());
            }
            pax.put(XATTR + x.getKey(), x.getValue());
            ustar = false;
        }
        if (ustar && !preferPax) {
            return ustarHeader(e, split);
        }
        return paxHeaders(e, pax);
    }

    private static boolean numeric(Map<String, byte[]> pax, String key, long value) {
        int size = key.equals("size") ? 12 : 8;
        if (TarFormat.fitsOctal(size, value)) {
            return true;
        }
        pax.put(key, utf8(Long.toString(value)));
        return false;
    }

    private static byte[] ustarHeader(TarEntry e, String[] split) {
        String prefix = split == null ? "" : split[0];
        String name = split == null ? e.name() : split[1];
        byte[] blk = template(e, utf8(name), utf8(e.linkName()));
        TarFormat.putString(blk, TarFormat.PREFIX, TarFormat.PREFIX_SIZE, utf8(prefix));
        TarFormat.finish(blk);
        return blk;
    }

    private static byte[] paxHeaders(TarEntry e, Map<String, byte[]> pax) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!pax.isEmpty()) {
            ByteArrayOutputStream records = new ByteArrayOutputStream();
            pax.forEach((k, v) -> records.writeBytes(paxRecord(utf8(k), v)));
            if (records.size() > MAX_PAX_SIZE) {
                throw new IllegalArgumentException("tar entry " + e.name() + ": PAX header larger than 1 MiB");
            }
            out.writeBytes(paxFileHeader(e.name(), records.size()));
            out.writeBytes(records.toByteArray());
            out.write(new byte[padding(records.size())], 0, padding(records.size()));
        }
        byte[] blk = template(e, TarFormat.toAscii(utf8(e.name())), TarFormat.toAscii(utf8(e.linkName())));
        TarFormat.finish(blk);
        out.writeBytes(blk);
        return out.toByteArray();
    }

    /** The V7 and ustar fields every header shares; numbers that do not fit are written as 0. */
    private static byte[] template(TarEntry e, byte[] name, byte[] link) {
        byte[] blk = new byte[BLOCK];
        blk[TarFormat.TYPE] = e.type().flag();
        TarFormat.putString(blk, TarFormat.NAME, TarFormat.NAME_SIZE, name);
        TarFormat.putString(blk, TarFormat.LINKNAME, TarFormat.NAME_SIZE, link);
        TarFormat.putOctal(blk, TarFormat.MODE, 8, e.mode());
        TarFormat.putOctal(blk, TarFormat.UID, 8, Integer.toUnsignedLong(e.uid()));
        TarFormat.putOctal(blk, TarFormat.GID, 8, Integer.toUnsignedLong(e.gid()));
        TarFormat.putOctal(blk, TarFormat.SIZE, 12, e.size());
        TarFormat.putOctal(blk, TarFormat.MTIME, 12, e.modTime().getEpochSecond());
        TarFormat.putString(blk, TarFormat.UNAME, 32, new byte[0]);
        TarFormat.putString(blk, TarFormat.GNAME, 32, new byte[0]);
        TarFormat.putOctal(blk, TarFormat.DEVMAJOR, 8, Integer.toUnsignedLong(e.devMajor()));
        TarFormat.putOctal(blk, TarFormat.DEVMINOR, 8, Integer.toUnsignedLong(e.devMinor()));
        return blk;
    }

    /** Go's writeRawFile for a PAX header: name {@code <dir>/PaxHeaders.0/<file>}, zeros elsewhere. */
    private static byte[] paxFileHeader(String realName, int size) {
        int slash = realName.lastIndexOf('/');
        String dir = realName.substring(0, slash + 1);
        String file = realName.substring(slash + 1);
        byte[] name = TarFormat.toAscii(utf8(GoPath.join(dir, "PaxHeaders.0", file)));
        if (name.length > TarFormat.NAME_SIZE) {
            name = Arrays.copyOf(name, TarFormat.NAME_SIZE);
        }
        int end = name.length;
        while (end > 0 && name[end - 1] == '/') {
            end--;
        }
        byte[] blk = new byte[BLOCK];
        blk[TarFormat.TYPE] = 'x';
        TarFormat.putString(blk, TarFormat.NAME, TarFormat.NAME_SIZE, Arrays.copyOf(name, end));
        TarFormat.putOctal(blk, TarFormat.MODE, 8, 0);
        TarFormat.putOctal(blk, TarFormat.UID, 8, 0);
        TarFormat.putOctal(blk, TarFormat.GID, 8, 0);
        TarFormat.putOctal(blk, TarFormat.SIZE, 12, size);
        TarFormat.putOctal(blk, TarFormat.MTIME, 12, 0);
        TarFormat.finish(blk);
        return blk;
    }

    /** "%d %s=%s\n" where %d counts the whole record, itself included. */
    static byte[] paxRecord(byte[] key, byte[] value) {
        int size = key.length + value.length + 3;
        size += Integer.toString(size).length();
        byte[] prefix = utf8(size + " ");
        if (prefix.length + key.length + value.length + 2 != size) {
            size = prefix.length + key.length + value.length + 2;
            prefix = utf8(size + " ");
        }
        ByteArrayOutputStream r = new ByteArrayOutputStream(size);
        r.writeBytes(prefix);
        r.writeBytes(key);
        r.write('=');
        r.writeBytes(value);
        r.write('\n');
        return r.toByteArray();
    }

    /** Seconds, then a dot and nanoseconds without trailing zeros when there are any (Go's formatPAXTime). */
    static String paxTime(Instant t) {
        long secs = t.getEpochSecond();
        int nanos = t.getNano();
        if (nanos == 0) {
            return Long.toString(secs);
        }
        String sign = "";
        if (secs < 0) {
            sign = "-";
            secs = -(secs + 1);
            nanos = 1_000_000_000 - nanos;
        }
        String s = String.format(Locale.ROOT, "%s%d.%09d", sign, secs, nanos); // ASCII digits in any locale
        int end = s.length();
        while (s.charAt(end - 1) == '0') {
            end--;
        }
        return s.substring(0, end);
    }

    /** Go's splitUSTARPath: {prefix, name} or null when the name cannot be split into the two fields. */
    static String[] splitUstarPath(String name) {
        byte[] b = utf8(name);
        int length = b.length;
        if (length <= TarFormat.NAME_SIZE || !TarFormat.isAscii(b)) {
            return null;
        } else if (length > TarFormat.PREFIX_SIZE + 1) {
            length = TarFormat.PREFIX_SIZE + 1;
        } else if (b[length - 1] == '/') {
            length--;
        }
        int i = name.lastIndexOf('/', length - 1);
        int nlen = b.length - i - 1;
        if (i <= 0 || nlen > TarFormat.NAME_SIZE || nlen == 0 || i > TarFormat.PREFIX_SIZE) {
            return null;
        }
        return new String[] {name.substring(0, i), name.substring(i + 1)};
    }

    static int padding(long size) {
        return (int) (-size & (BLOCK - 1));
    }

    static int compareUtf8(String a, String b) {
        return Arrays.compareUnsigned(utf8(a), utf8(b));
    }
}
