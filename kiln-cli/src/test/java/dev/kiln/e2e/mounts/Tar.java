package dev.kiln.e2e.mounts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** GNU tar as the oracle for what an exported archive holds. */
final class Tar {
    private Tar() {
    }

    /** The member names of a tar, without a leading "./". */
    static List<String> entries(Path tar) {
        try {
            Process p = new ProcessBuilder("tar", "-tf", tar.toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError("tar -tf " + tar + " failed: " + out);
            }
            return out.lines().map(l -> l.startsWith("./") ? l.substring(2) : l).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
