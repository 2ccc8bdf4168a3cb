package dev.kiln.core.content;

import dev.kiln.core.Digest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Child-process half of {@link LocalContentStoreCrashTest}: commits one small blob, then streams a large one
 * slowly and never commits it; the parent kills this JVM with SIGKILL in the middle.
 */
final class CrashingWriterProcess {
    private CrashingWriterProcess() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        ContentStore store = new LocalContentStore(Path.of(args[0]));
        Digest committed = store.put("committed before the crash".getBytes(StandardCharsets.UTF_8), null);
        System.out.println("committed " + committed);
        byte[] chunk = new byte[64 * 1024];
        try (ContentWriter w = store.writer()) {
            for (int i = 0; i < 2_000; i++) {
                chunk[0] = (byte) i;
                w.write(chunk);
                if (i == 0) {
                    System.out.println("writing");
                    System.out.flush();
                }
                Thread.sleep(20);
            }
            System.out.println("not killed in time");
        }
    }
}
