package dev.kiln.exporter.fs;

import dev.kiln.worker.layer.TarWriter;

import java.io.IOException;
import java.io.OutputStream;

/** The current tar member's content as an OutputStream; closing it does nothing, the archive goes on. */
public final class TarContentStream extends OutputStream {
    private final TarWriter tar;

    public TarContentStream(TarWriter tar) {
        this.tar = tar;
    }

    @Override
    public void write(int b) throws IOException {
        tar.write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        tar.write(b, off, len);
    }
}
