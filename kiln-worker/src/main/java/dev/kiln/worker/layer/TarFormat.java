package dev.kiln.worker.layer;

import java.nio.charset.StandardCharsets;

/** The ustar header block layout and the field encodings Go's archive/tar uses. */
final class TarFormat {
    static final int BLOCK = 512;
    static final int NAME = 0;
    static final int NAME_SIZE = 100;
    static final int MODE = 100;
    static final int UID = 108;
    static final int GID = 116;
    static final int SIZE = 124;
    static final int MTIME = 136;
    static final int CHECKSUM = 148;
    static final int TYPE = 156;
    static final int LINKNAME = 157;
    static final int MAGIC = 257;
    static final int VERSION = 263;
    static final int UNAME = 265;
    static final int GNAME = 297;
    static final int DEVMAJOR = 329;
    static final int DEVMINOR = 337;
    static final int PREFIX = 345;
    static final int PREFIX_SIZE = 155;

    private TarFormat() {
    }

    /** True when every byte is non-NUL 7-bit ASCII (Go's isASCII). */
    static boolean isAscii(byte[] s) {
        for (byte c : s) {
            if (c <= 0) {
                return false;
            }
        }
        return true;
    }

    /** Drops every non-ASCII and NUL byte, i.e. every byte of a multi-byte UTF-8 sequence (Go's toASCII). */
    static byte[] toAscii(byte[] s) {
        int n = 0;
        byte[] out = new byte[s.length];
        for (byte c : s) {
            if (c > 0) {
                out[n++] = c;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Copies {@code s} into the field, NUL-terminating if room is left; a cut-off trailing slash becomes NUL. */
    static void putString(byte[] blk, int off, int size, byte[] s) {
        System.arraycopy(s, 0, blk, off, Math.min(size, s.length));
        if (s.length < size) {
            blk[off + s.length] = 0;
        } else if (s.length > size && blk[off + size - 1] == '/') {
            int n = size;
            while (n > 0 && s[n - 1] == '/') {
                n--;
            }
            blk[off + n] = 0;
        }
    }

    static boolean fitsOctal(int size, long x) {
        int bits = (size - 1) * 3;
        return x >= 0 && (size >= 22 || x < (1L << bits));
    }

    /** Zero-padded octal leaving room for a NUL; a value that does not fit is written as 0. */
    static void putOctal(byte[] blk, int off, int size, long x) {
        String s = Long.toOctalString(fitsOctal(size, x) ? x : 0);
        int pad = size - s.length() - 1;
        putString(blk, off, size, utf8("0".repeat(Math.max(0, pad)) + s));
    }

    /** Writes the ustar magic and version (ustar and PAX share them) and the checksum. */
    static void finish(byte[] blk) {
        putString(blk, MAGIC, 6, utf8("ustar\0"));
        putString(blk, VERSION, 2, utf8("00"));
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) {
            sum += (i >= CHECKSUM && i < CHECKSUM + 8) ? ' ' : (blk[i] & 0xff);
        }
        putOctal(blk, CHECKSUM, 7, sum);
        blk[CHECKSUM + 7] = ' ';
    }
}
