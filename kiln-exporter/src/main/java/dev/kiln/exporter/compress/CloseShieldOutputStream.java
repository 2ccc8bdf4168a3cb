package dev.kiln.exporter.compress;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Lets a compressor "close" its output without closing the content-store writer under it, which would abandon the
 * ingestion: the writer still has to be committed after the compressed stream is complete.
 */
final class CloseShieldOutputStream extends FilterOutputStream {
    CloseShieldOutputStream(OutputStream sink) {
        super(sink);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }
}
