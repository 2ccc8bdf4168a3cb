package dev.kiln.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * {@code kiln} in a child JVM (the test class path), so that a test can kill it with SIGKILL mid-build.
 * Its output goes to files, never to a pipe that could fill up and stall it.
 */
final class KilnProcess implements AutoCloseable {
    private final Process process;
    private final Path stdout;
    private final Path stderr;
    private List<ProcessHandle> orphans = List.of();

    private KilnProcess(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    static KilnProcess start(Path dir, List<String> args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), "dev.kiln.cli.Main"));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(dir.resolve("stdout").toFile())
                .redirectError(dir.resolve("stderr").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        pb.environment().put("LC_ALL", "C.UTF-8");
        try {
            return new KilnProcess(pb.start(), dir.resolve("stdout"), dir.resolve("stderr"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file the process's standard output goes to. */
    Path stdoutFile() {
        return stdout;
    }

    String stderr() {
        try {
            return Files.readString(stderr, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until {@code condition} holds; fails when the process exits first or time runs out. */
    void awaitWhileRunning(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new AssertionError("kiln exited (" + process.exitValue() + ") before " + what + ":\n" + stderr());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + what + " after " + timeout + ":\n" + stderr());
            }
            sleep(20);
        }
    }

    /** SIGKILL, as a crash or an OOM killer would; what kiln had started (runc, the container) lives on. */
    void kill9() {
        orphans = process.descendants().toList();
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGTERM, as {@code kill PID} or a CI runner's cancel sends it; what kiln had started is recorded. */
    void terminate() {
        orphans = process.descendants().toList();
        process.destroy();
    }

    /** Waits for kiln to exit; its exit code. */
    int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("kiln still runs after " + timeout + ":\n" + stderr());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        return process.exitValue();
    }

    /** Processes kiln had started when it was killed or terminated that are still alive. */
    List<ProcessHandle> liveOrphans() {
        return orphans.stream().filter(ProcessHandle::isAlive).toList();
    }

    /** Waits for the orphans of a killed kiln to end on their own; kills them if they take too long. */
    @Override
    public void close() {
        process.destroyForcibly();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        for (ProcessHandle orphan : orphans) {
            while (orphan.isAlive() && System.nanoTime() < deadline) {
                sleep(20);
            }
            orphan.destroyForcibly();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
