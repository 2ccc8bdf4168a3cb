package dev.kiln.worker.executor;

import dev.kiln.core.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures what {@link RuncExecutor} adds to a bare {@code runc run} of the same spec (bundle already on
 * disk, output discarded), with the state directory on the temp disk and, when there is one, on tmpfs
 * (/dev/shm). Prints the medians instead of asserting a time: the machine is shared and noisy.
 */
class RuncOverheadTest {
    private static final int WARMUP = 5;
    private static final int RUNS = 20;
    private static final Path SHM = Path.of("/dev/shm");

    @TempDir
    Path temp;

    @Test
    void executorOverheadOverBareRunc_isPrinted() throws Exception {
        ContainerFixture.assumeRuncWorks();
        Path rootfs = BusyboxRootfs.create(Files.createDirectory(temp.resolve("rootfs")));
        Files.writeString(rootfs.resolve("etc/hosts"), "");
        Files.writeString(rootfs.resolve("etc/resolv.conf"), "");

        measure("disk", rootfs, Files.createDirectory(temp.resolve("disk")));
        if (Files.isDirectory(SHM) && Files.isWritable(SHM)) {
            Path shmState = Files.createTempDirectory(SHM, "kiln-overhead-");
            try {
                measure("tmpfs", rootfs, shmState);
            } finally {
                deleteTree(shmState);
            }
        }
    }

    private void measure(String where, Path rootfs, Path stateDir) throws Exception {
        RuncExecutor executor = new RuncExecutor(stateDir.resolve("executor"));
        Path bareRoot = stateDir.resolve("bare-runc");
        Path bundle = bareBundle(rootfs, Files.createDirectory(stateDir.resolve("bare-bundle")));
        List<Long> bare = new ArrayList<>();
        List<Long> ours = new ArrayList<>();
        for (int i = 0; i < WARMUP + RUNS; i++) {
            long bareNanos = timeBareRun(bareRoot, bundle, "bare-" + i);
            long t0 = System.nanoTime();
            ExecResult result = executor.run(ExecRequest.builder("ours-" + i, rootfs, List.of("/bin/true")).build(),
                    ProcessOutput.discard());
            long ourNanos = System.nanoTime() - t0;
            assertThat(result.exitCode()).isZero();
            if (i >= WARMUP) {
                bare.add(bareNanos);
                ours.add(ourNanos);
            }
        }
        double bareMs = median(bare) / 1e6;
        double oursMs = median(ours) / 1e6;
        System.out.printf("runc overhead (state on %s): bare runc run median %.1f ms, RuncExecutor.run median %.1f ms,"
                + " overhead %.1f ms (%d runs)%n", where, bareMs, oursMs, oursMs - bareMs, RUNS);
        assertThat(ours).hasSize(RUNS);
    }

    private static Path bareBundle(Path rootfs, Path bundle) throws IOException {
        ExecRequest request = ExecRequest.builder("bare", rootfs, List.of("/bin/true")).build();
        OciSpec spec = new OciSpecBuilder(HostFacts.current()).build(request, ResolvedUser.ROOT,
                Files.writeString(bundle.resolve("hosts"), "127.0.0.1 localhost\n"),
                Files.writeString(bundle.resolve("resolv.conf"), "nameserver 8.8.8.8\n"), "kiln/bare");
        Files.write(bundle.resolve("config.json"), Json.bytes(spec));
        return bundle;
    }

    private static long timeBareRun(Path root, Path bundle, String id) throws Exception {
        long t0 = System.nanoTime();
        Process process = new ProcessBuilder("runc", "--root", root.toString(), "run", "--bundle", bundle.toString(), id)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertThat(process.waitFor()).isZero();
        return System.nanoTime() - t0;
    }

    private static long median(List<Long> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
