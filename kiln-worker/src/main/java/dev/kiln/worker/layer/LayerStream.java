package dev.kiln.worker.layer;

import dev.kiln.core.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The uncompressed tar of a layer blob, decompressed and hashed on a thread of its own while the caller extracts
 * it: inflating plus SHA-256 cost about as much CPU as creating the files, so with two cores they overlap. Chunks
 * travel through a bounded queue and are recycled, so memory stays at {@value #CHUNKS} chunks of {@value #CHUNK}
 * bytes. Everything up to the end of the blob is hashed, whether the caller reads it or not ({@link #drain}).
 * A read failure of the blob side (a corrupt or truncated layer) is thrown by this stream's reads, once the chunks
 * before it have been consumed, exactly as the decompressing stream itself would have thrown it.
 */
final class LayerStream extends InputStream {
    private static final int CHUNK = 128 * 1024;
    private static final int CHUNKS = 8;

    private record Chunk(byte[] data, int length) {
    }

    /** Marks the end of the blob, or the point where reading it failed ({@link #failure}). */
    private static final Chunk END = new Chunk(new byte[0], 0);

    private final BlockingQueue<Chunk> full = new ArrayBlockingQueue<>(CHUNKS + 1);
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(CHUNKS);
    private final Thread reader;
    /** Written by the reader before it queues {@link #END}, read after taking it. */
    private volatile Exception failure;
    private volatile Digest digest;
    private volatile long count;
    private Chunk current;
    private int position;
    private boolean ended;

    private LayerStream(InputStream blob) {
        for (int i = 0; i < CHUNKS; i++) {
            free.add(new byte[CHUNK]);
        }
        reader = Thread.ofPlatform().daemon().name("kiln-layer-inflate").start(() -> produce(blob));
    }

    /** Starts decompressing {@code blob} (gzip, zstd or plain; see {@link Decompression}). */
    static LayerStream start(InputStream blob) {
        return new LayerStream(blob);
    }

    private void produce(InputStream blob) {
        try {
            HashingInputStream tar = new HashingInputStream(Decompression.open(blob));
            for (boolean more = true; more; ) {
                byte[] buf = free.take();
                int n = tar.readNBytes(buf, 0, buf.length);
                if (n > 0) {
                    full.put(new Chunk(buf, n));
                }
                more = n == buf.length;
            }
            count = tar.count();
            digest = tar.digest();
        } catch (InterruptedException e) {
            return; // closed early: nobody reads any more
        } catch (IOException | RuntimeException e) {
            failure = e;
        }
        full.add(END); // never blocks: the queue holds every chunk there is plus this
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!advance()) {
            return -1;
        }
        int n = Math.min(len, current.length() - position);
        System.arraycopy(current.data(), position, b, off, n);
        consumed(n);
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = 0;
        while (skipped < n && advance()) {
            int step = (int) Math.min(n - skipped, current.length() - position);
            consumed(step);
            skipped += step;
        }
        return skipped;
    }

    /** Reads to the end of the blob, so that the digest covers all of it (padding after the archive too). */
    void drain() throws IOException {
        while (advance()) {
            consumed(current.length() - position);
        }
    }

    /** sha256 of the whole uncompressed stream; only after {@link #drain}. */
    Digest digest() {
        if (!ended || digest == null) {
            throw new IllegalStateException("layer stream not read to its end");
        }
        return digest;
    }

    /** Bytes in the uncompressed stream; only after {@link #drain}. */
    long count() {
        digest();
        return count;
    }

    /** Stops the reading thread (if the caller gave up early) and waits for it, so the blob is no longer read. */
    @Override
    public void close() {
        reader.interrupt();
        try {
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Makes {@link #current} a chunk with bytes left; false at the end. Rethrows the reader's failure. */
    private boolean advance() throws IOException {
        if (current != null) {
            return true;
        }
        if (!ended) {
            try {
                Chunk next = full.take();
                if (next != END) {
                    current = next;
                    position = 0;
                    return true;
                }
                ended = true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while extracting a layer");
            }
        }
        Exception f = failure;
        if (f instanceof IOException io) {
            throw io;
        }
        if (f != null) {
            throw (RuntimeException) f;
        }
        return false;
    }

    private void consumed(int n) {
        position += n;
        if (position == current.length()) {
            free.add(current.data());
            current = null;
        }
    }
}
