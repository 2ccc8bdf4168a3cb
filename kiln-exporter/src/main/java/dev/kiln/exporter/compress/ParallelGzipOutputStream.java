package dev.kiln.exporter.compress;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A gzip stream deflated on all cores, the way pigz does it. The input is cut into fixed-size blocks; each block is
 * deflated on its own, primed with the previous block's last 32 KiB as preset dictionary (so the ratio stays within a
 * fraction of a percent of single-stream gzip) and ended with a sync flush, which byte-aligns it, so the raw deflate
 * pieces concatenate into one valid gzip member. The caller's thread computes the CRC32 trailer in input order and
 * writes finished blocks in order.
 *
 * <p>The bytes produced depend only on the input, the level and {@link #BLOCK_SIZE}, never on the number of threads
 * or on timing: the same layer always gets the same digest on every machine.
 */
final class ParallelGzipOutputStream extends OutputStream {
    static final int BLOCK_SIZE = 256 * 1024;
    private static final int DICTIONARY_SIZE = 32 * 1024;
    private static final ThreadLocal<Deflater[]> DEFLATERS = ThreadLocal.withInitial(() -> new Deflater[10]);

    private final OutputStream out;
    private final int level;
    private final int maxInFlight = 2 * Workers.COUNT + 1;
    private final ArrayDeque<Future<byte[]>> inFlight = new ArrayDeque<>();
    private final CRC32 crc = new CRC32();
    private long totalIn;
    private byte[] block = new byte[BLOCK_SIZE];
    private int blockLength;
    private byte[] previousTail;
    private boolean finished;

    ParallelGzipOutputStream(OutputStream out, int level) throws IOException {
        if (level < 0 || level > 9) {
            throw new IllegalArgumentException("gzip level " + level);
        }
        this.out = Objects.requireNonNull(out);
        this.level = level;
        out.write(header(level));
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (finished) {
            throw new IOException("gzip stream already finished");
        }
        while (len > 0) {
            int n = Math.min(len, BLOCK_SIZE - blockLength);
            System.arraycopy(b, off, block, blockLength, n);
            blockLength += n;
            off += n;
            len -= n;
            if (blockLength == BLOCK_SIZE) {
                submit(false);
            }
        }
    }

    /** Writes the last block and the trailer; leaves the underlying stream open. */
    void finish() throws IOException {
        if (finished) {
            return;
        }
        submit(true);
        finished = true;
        while (!inFlight.isEmpty()) {
            writeHead();
        }
        out.write(trailer());
    }

    @Override
    public void close() throws IOException {
        try {
            finish();
        } finally {
            inFlight.forEach(f -> f.cancel(true));
            out.close();
        }
    }

    private void submit(boolean last) throws IOException {
        byte[] data = block;
        int length = blockLength;
        byte[] dictionary = previousTail;
        crc.update(data, 0, length);
        totalIn += length;
        if (!last) {
            previousTail = Arrays.copyOfRange(data, length - DICTIONARY_SIZE, length);
            block = new byte[BLOCK_SIZE];
            blockLength = 0;
        }
        inFlight.add(Workers.POOL.submit(() -> deflate(data, length, dictionary, level, last)));
        while (!inFlight.isEmpty() && (inFlight.peek().isDone() || inFlight.size() >= maxInFlight)) {
            writeHead();
        }
    }

    private void writeHead() throws IOException {
        try {
            out.write(inFlight.remove().get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while compressing a layer");
        } catch (ExecutionException e) {
            throw new IOException("gzip block compression failed", e.getCause());
        }
    }

    private static byte[] deflate(byte[] data, int length, byte[] dictionary, int level, boolean last) {
        Deflater deflater = deflater(level);
        if (dictionary != null) {
            deflater.setDictionary(dictionary);
        }
        deflater.setInput(data, 0, length);
        if (last) {
            deflater.finish();
        }
        byte[] buf = new byte[length + (length >> 4) + 64];
        int used = 0;
        while (true) {
            int room = buf.length - used;
            int n = deflater.deflate(buf, used, room, last ? Deflater.NO_FLUSH : Deflater.SYNC_FLUSH);
            used += n;
            boolean done = last ? deflater.finished() : n < room;
            if (done) {
                return Arrays.copyOf(buf, used);
            }
            if (used == buf.length) {
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
        }
    }

    private static Deflater deflater(int level) {
        Deflater[] perLevel = DEFLATERS.get();
        if (perLevel[level] == null) {
            perLevel[level] = new Deflater(level, true);
        }
        perLevel[level].reset();
        return perLevel[level];
    }

    /** Like Go's compress/gzip: no name, mtime 0, XFL from the level, OS "unknown". */
    private static byte[] header(int level) {
        byte xfl = switch (level) {
            case 9 -> 2;
            case 1 -> 4;
            default -> 0;
        };
        return new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, xfl, (byte) 0xff};
    }

    private byte[] trailer() {
        long c = crc.getValue();
        long size = totalIn & 0xffffffffL;
        return new byte[] {
            (byte) c, (byte) (c >> 8), (byte) (c >> 16), (byte) (c >> 24),
            (byte) size, (byte) (size >> 8), (byte) (size >> 16), (byte) (size >> 24)};
    }

    /** One pool for all layers being compressed: CPU-bound work gets one platform thread per core. */
    private static final class Workers {
        static final int COUNT = Math.max(1, Runtime.getRuntime().availableProcessors());
        private static final AtomicInteger SEQUENCE = new AtomicInteger();
        static final ExecutorService POOL = Executors.newFixedThreadPool(COUNT, r -> {
            Thread t = new Thread(r, "kiln-gzip-" + SEQUENCE.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }
}
