package dev.kiln.worker.cachemount;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A {@link CacheMountChild} JVM and the lines it prints. */
final class ChildProcess implements AutoCloseable {
    private final Process process;
    private final BufferedReader out;

    private ChildProcess(Process process) {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    static ChildProcess holding(Path root, String id, String sharing) throws IOException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process p = new ProcessBuilder(List.of(java, "--enable-native-access=ALL-UNNAMED", "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), CacheMountChild.class.getName(),
                root.toString(), id, sharing)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        return new ChildProcess(p);
    }

    /** Waits for the child to hold its mount; returns the directory it got. */
    Path awaitHeld() throws IOException {
        String line = out.readLine();
        if (line == null || !line.startsWith("HELD ")) {
            throw new IOException("child did not acquire its cache mount: " + line);
        }
        return Path.of(line.substring("HELD ".length()));
    }

    void release() throws IOException, InterruptedException {
        process.getOutputStream().write('\n');
        process.getOutputStream().flush();
        if (!"RELEASED".equals(out.readLine()) || !process.waitFor(10, TimeUnit.SECONDS)) {
            throw new IOException("child did not release");
        }
    }

    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
