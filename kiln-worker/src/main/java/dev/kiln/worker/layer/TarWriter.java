package dev.kiln.worker.layer;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Writes a tar stream byte-for-byte as Go's {@code archive/tar} Writer does with PAX format requested, which is
 * how BuildKit (through containerd's ChangeWriter) writes layers: ustar headers where they suffice, PAX records
 * for long or non-ASCII names, large ids or sizes, sub-second mtimes and xattrs; 512-byte blocks; two zero
 * blocks at the end and no further padding.
 *
 * <p>Usage: {@link #putEntry} then, for a regular file, exactly {@code size} bytes through {@link #write} or
 * {@link #writeContent}; finally {@link #close}, which finishes the archive but leaves the underlying stream open.
 */
public final class TarWriter implements Closeable {
    private final OutputStream out;
    private long remaining;
    private int padding;
    private boolean closed;

    public TarWriter(OutputStream out) {
        this.out = out;
    }

    /** Writes the header(s) of {@code entry}; the previous entry must be complete. */
    public void putEntry(TarEntry entry) throws IOException {
        finishEntry();
        out.write(TarHeaderEncoder.encode(entry));
        remaining = entry.size();
        padding = TarHeaderEncoder.padding(entry.size());
    }

    /** Content of the current entry; writing more than its size is an error. */
    public void write(byte[] b, int off, int len) throws IOException {
        if (len > remaining) {
            throw new IOException("tar: write of " + len + " bytes exceeds the " + remaining + " left in the entry");
        }
        out.write(b, off, len);
        remaining -= len;
    }

    /** Copies exactly the current entry's remaining size from {@code in}; a shorter input is an error. */
    public void writeContent(InputStream in) throws IOException {
        byte[] buf = new byte[64 * 1024];
        while (remaining > 0) {
            int n = in.read(buf, 0, (int) Math.min(buf.length, remaining));
            if (n < 0) {
                throw new IOException("tar: content ended " + remaining + " bytes short of the entry size");
            }
            write(buf, 0, n);
        }
    }

    /** Ends the archive with two zero blocks and flushes; the underlying stream stays open. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        finishEntry();
        out.write(new byte[2 * TarFormat.BLOCK]);
        out.flush();
        closed = true;
    }

    private void finishEntry() throws IOException {
        if (closed) {
            throw new IOException("tar: write after close");
        }
        if (remaining > 0) {
            throw new IOException("tar: previous entry is missing " + remaining + " bytes of content");
        }
        out.write(new byte[padding]);
        padding = 0;
    }
}
