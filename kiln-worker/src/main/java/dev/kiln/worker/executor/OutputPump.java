package dev.kiln.worker.executor;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/** Copies one output pipe of the runtime to a {@link ProcessOutput}, on its own virtual thread. */
final class OutputPump {
    private static final int CHUNK = 32 * 1024;

    private final Thread thread;

    private OutputPump(Thread thread) {
        this.thread = thread;
    }

    static OutputPump start(InputStream in, ProcessOutput.Stream stream, ProcessOutput output) {
        return new OutputPump(Thread.ofVirtual().name("runc-" + stream.name().toLowerCase()).start(() -> {
            byte[] buffer = new byte[CHUNK];
            boolean forwarding = true;
            try (in) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    forwarding = forwarding && forward(output, stream, Arrays.copyOf(buffer, n));
                }
            } catch (IOException e) {
                // The pipe closes when the process is gone; nothing more will come.
            }
        }));
    }

    /** A failing consumer stops getting output, but the pipe keeps draining so the process never blocks. */
    private static boolean forward(ProcessOutput output, ProcessOutput.Stream stream, byte[] chunk) {
        try {
            output.write(stream, chunk);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Waits for the pipe to drain (it closes once every process in the container is gone). */
    void join() {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
