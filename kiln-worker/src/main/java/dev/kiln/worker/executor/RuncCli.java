package dev.kiln.worker.executor;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The runc command line under one state root. runc keeps one directory per existing container in its
 * root, which lets us ask "does it still exist" without spawning a process.
 */
final class RuncCli {
    private static final File DEV_NULL = new File("/dev/null");
    private static final long HELPER_TIMEOUT_SECONDS = 30;

    private final Path binary;
    private final Path root;

    RuncCli(Path binary, Path root) {
        this.binary = binary;
        this.root = root;
    }

    /** {@code runc run} in the foreground without a terminal; stdin is /dev/null, stdout/stderr are pipes. */
    Process startRun(String id, Path bundle) {
        try {
            return new ProcessBuilder(command("run", "--bundle", bundle.toString(), id))
                    .redirectInput(ProcessBuilder.Redirect.from(DEV_NULL))
                    .start();
        } catch (IOException e) {
            throw new KilnException(ErrorKind.UNAVAILABLE, "cannot start " + binary + ": " + e.getMessage(), e);
        }
    }

    boolean exists(String id) {
        return Files.isDirectory(root.resolve(id));
    }

    /** The containers runc still knows (left behind when a previous Kiln was killed). */
    List<String> containers() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(root)) {
            return entries.filter(Files::isDirectory).map(p -> p.getFileName().toString()).toList();
        } catch (IOException e) {
            throw new KilnException(ErrorKind.UNAVAILABLE, "cannot list runc state in " + root + ": " + e.getMessage(), e);
        }
    }

    /** Sends SIGKILL to the container's init; with a new pid namespace that ends every process in it. */
    void kill(String id) {
        helper("kill", id, "KILL");
    }

    void forceDelete(String id) {
        helper("delete", "--force", id);
    }

    /** Failures are not reported: callers check {@link #exists} for the outcome they need. */
    private void helper(String... args) {
        try {
            Process process = new ProcessBuilder(command(args))
                    .redirectInput(ProcessBuilder.Redirect.from(DEV_NULL))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!waitUninterruptibly(process, HELPER_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException e) {
            throw new KilnException(ErrorKind.UNAVAILABLE, "cannot start " + binary + ": " + e.getMessage(), e);
        }
    }

    private List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--root", root.toString()));
        command.addAll(List.of(args));
        return command;
    }

    /** Waits even when interrupted (cleanup must finish), and restores the interrupt flag afterwards. */
    static boolean waitUninterruptibly(Process process, long timeout, TimeUnit unit) {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
