package dev.kiln.worker.executor;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Collects a run's output per stream. */
final class Captured implements ProcessOutput {
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    @Override
    public synchronized void write(Stream stream, byte[] chunk) {
        (stream == Stream.STDOUT ? stdout : stderr).writeBytes(chunk);
    }

    synchronized String stdout() {
        return stdout.toString(StandardCharsets.UTF_8);
    }

    synchronized String stderr() {
        return stderr.toString(StandardCharsets.UTF_8);
    }
}
