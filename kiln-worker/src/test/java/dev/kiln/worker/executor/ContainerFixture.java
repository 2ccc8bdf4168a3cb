package dev.kiln.worker.executor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Shared set-up of the runc tests: root, runc and busybox are needed, and a fresh id per run. */
final class ContainerFixture {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private ContainerFixture() {
    }

    static void assumeRuncWorks() {
        assumeTrue("root".equals(System.getProperty("user.name")), "runc tests need root");
        assumeTrue(BusyboxRootfs.available(), "needs /bin/busybox (Debian busybox-static)");
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/runc")) || Files.isExecutable(Path.of("/usr/bin/runc")),
                "needs runc");
    }

    static String newId(String prefix) {
        return prefix + "-" + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet();
    }

    static ExecRequest.Builder shell(Path rootfs, String script) {
        return ExecRequest.builder(newId("t"), rootfs, List.of("/bin/sh", "-c", script));
    }

    record Outcome(ExecResult result, String stdout, String stderr) {
        Outcome succeeded() {
            assertThat(result.exitCode()).as("exit code; stderr: %s", stderr).isZero();
            return this;
        }
    }

    static Outcome run(Executor executor, ExecRequest request) {
        Captured out = new Captured();
        ExecResult result = executor.run(request, out);
        return new Outcome(result, out.stdout(), out.stderr());
    }
}
