package dev.kiln.worker.session;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * The stream {@link SecretMasker#wrap} returns. Bytes that could be the beginning of a secret are held back until
 * the next write decides it, so a value split across writes is still masked; {@link #flush()} keeps holding them
 * (a flush between two halves of a secret must not leak the first half) and {@link #close()} releases them.
 */
final class MaskingOutputStream extends FilterOutputStream {
    private final SecretMasker masker;
    private byte[] pending = new byte[0];

    MaskingOutputStream(OutputStream sink, SecretMasker masker) {
        super(sink);
        this.masker = masker;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        byte[] data = Arrays.copyOf(pending, pending.length + len);
        System.arraycopy(b, off, data, pending.length, len);
        emit(data, false);
    }

    @Override
    public synchronized void flush() throws IOException {
        out.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        emit(pending, true);
        super.close();
    }

    private void emit(byte[] data, boolean endOfStream) throws IOException {
        ByteArrayOutputStream masked = new ByteArrayOutputStream(data.length);
        int consumed = masker.scan(data, data.length, endOfStream, masked);
        pending = Arrays.copyOfRange(data, consumed, data.length);
        masked.writeTo(out);
    }
}
