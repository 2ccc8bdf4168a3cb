package dev.kiln.worker.registry;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes response bodies that stop delivering data, so a registry that sends headers and then goes silent turns
 * into a (retried) I/O error instead of a hang. Size limits bound how much is read; this bounds how long.
 */
final class StallGuard {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kiln-registry-stall-guard");
        t.setDaemon(true);
        return t;
    });

    private final Duration idle;

    StallGuard(Duration idle) {
        this.idle = idle;
    }

    InputStream watch(InputStream in) {
        return new Watched(in);
    }

    private final class Watched extends FilterInputStream {
        private final ScheduledFuture<?> check;
        private volatile long lastProgress = System.nanoTime();
        private volatile boolean stalled;

        Watched(InputStream in) {
            super(in);
            long period = Math.max(1, idle.toMillis() / 4);
            this.check = TIMER.scheduleAtFixedRate(this::checkProgress, period, period, TimeUnit.MILLISECONDS);
        }

        private void checkProgress() {
            if (System.nanoTime() - lastProgress > idle.toNanos()) {
                stalled = true;
                check.cancel(false);
                try {
                    in.close(); // wakes up a blocked read
                } catch (IOException e) {
                    // closing is all we wanted
                }
            }
        }

        @Override
        public int read() throws IOException {
            return progress(super.read());
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return progress(super.read(b, off, len));
        }

        private int progress(int result) throws IOException {
            if (stalled) {
                throw new IOException("no data for " + idle.toMillis() + " ms");
            }
            lastProgress = System.nanoTime();
            return result;
        }

        @Override
        public void close() throws IOException {
            check.cancel(false);
            super.close();
        }
    }
}
