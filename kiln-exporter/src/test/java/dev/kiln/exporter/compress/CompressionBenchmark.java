package dev.kiln.exporter.compress;

import dev.kiln.exporter.testing.SampleData;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Throughput of our layer compressors against single-threaded {@code java.util.zip} at the same level. Not a test:
 * run it by hand ({@code java -cp ... dev.kiln.exporter.compress.CompressionBenchmark [tar-file]}); without an
 * argument it uses 128 MiB of generated, text-like data. Each row is the best of three runs.
 */
public final class CompressionBenchmark {
    private CompressionBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        byte[] input = args.length > 0 ? Files.readAllBytes(Path.of(args[0])) : SampleData.compressible(128 << 20, 1);
        System.out.printf("input %.1f MiB, %d cores%n", input.length / 1048576.0, Runtime.getRuntime().availableProcessors());
        for (int level : new int[] {1, 6}) {
            report("java.util.zip gzip -" + level, input, () -> javaGzip(input, level));
            report("kiln parallel gzip -" + level, input, () -> kiln(input, Compression.GZIP, level));
        }
        report("kiln zstd -3 (2 workers)", input, () -> kiln(input, Compression.ZSTD, 3));
    }

    private interface Run {
        long compressedSize() throws IOException;
    }

    private static void report(String name, byte[] input, Run run) throws IOException {
        long best = Long.MAX_VALUE;
        long size = 0;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            size = run.compressedSize();
            best = Math.min(best, System.nanoTime() - start);
        }
        double mbPerSecond = input.length / 1048576.0 / (best / 1e9);
        System.out.printf("%-30s %8.1f MiB/s  ratio %.3f%n", name, mbPerSecond, (double) size / input.length);
    }

    private static long javaGzip(byte[] input, int level) throws IOException {
        Counter counter = new Counter();
        try (GZIPOutputStream gz = new GZIPOutputStream(counter, 1 << 16) {
            {
                def.setLevel(level);
            }
        }) {
            gz.write(input);
        }
        return counter.count;
    }

    private static long kiln(byte[] input, Compression type, int level) throws IOException {
        Counter counter = new Counter();
        LayerCompressor.compress(new ByteArrayInputStream(input), counter, type, level);
        return counter.count;
    }

    private static final class Counter extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
