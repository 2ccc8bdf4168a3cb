package dev.kiln.worker.executor;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.core.json.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static dev.kiln.worker.executor.ContainerFixture.run;
import static dev.kiln.worker.executor.ContainerFixture.shell;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Start-up recovery, cancellation and the traces a run must not leave behind. */
class RuncExecutorLifecycleTest {
    @TempDir
    static Path temp;
    static Path rootfs;
    static Path state;
    static RuncExecutor executor;

    @BeforeAll
    static void setUp() throws Exception {
        ContainerFixture.assumeRuncWorks();
        rootfs = BusyboxRootfs.create(Files.createDirectory(temp.resolve("rootfs")));
        state = temp.resolve("state");
        executor = new RuncExecutor(state);
    }

    /** `runc list` is the oracle for "no container left". */
    private static List<String> runcList() throws Exception {
        Process list = new ProcessBuilder("runc", "--root", state.resolve("runc").toString(), "list", "-q").start();
        String out = new String(list.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(list.waitFor()).isZero();
        return out.lines().filter(l -> !l.isBlank()).toList();
    }

    private static List<Path> bundles() throws Exception {
        try (var dirs = Files.list(state.resolve("bundles"))) {
            return dirs.toList();
        }
    }

    @Test
    void finishedRun_leavesNoContainerAndNoBundle() throws Exception {
        run(executor, shell(rootfs, "true").build()).succeeded();

        assertThat(runcList()).isEmpty();
        assertThat(bundles()).isEmpty();
    }

    @Test
    void interrupt_killsTheContainerQuicklyAndCleansUp() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicReference<Thread> runner = new AtomicReference<>();
        ExecRequest request = shell(rootfs, "echo started; sleep 100").build();
        CompletableFuture<Throwable> failure = CompletableFuture.supplyAsync(() -> {
            runner.set(Thread.currentThread());
            try {
                executor.run(request, (stream, chunk) -> started.countDown());
                return null;
            } catch (KilnException e) {
                return e;
            }
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(runcList()).containsExactly(request.id());

        long begin = System.nanoTime();
        runner.get().interrupt();
        Throwable error = failure.get(10, TimeUnit.SECONDS);
        Duration took = Duration.ofNanos(System.nanoTime() - begin);

        assertThat(error).isInstanceOf(KilnException.class);
        assertThat(((KilnException) error).kind()).isEqualTo(ErrorKind.CANCELED);
        assertThat(took).isLessThan(Duration.ofSeconds(3));
        assertThat(runcList()).isEmpty();
        assertThat(bundles()).isEmpty();
    }

    @Test
    void sameIdTwiceAtOnce_isRejected() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        ExecRequest request = shell(rootfs, "echo started; sleep 100").build();
        Thread first = Thread.ofVirtual().start(() -> {
            try {
                executor.run(request, (stream, chunk) -> started.countDown());
            } catch (KilnException e) {
                // Canceled below.
            }
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        try {
            assertThatThrownBy(() -> executor.run(request, ProcessOutput.discard()))
                    .isInstanceOf(KilnException.class)
                    .extracting(e -> ((KilnException) e).kind()).isEqualTo(ErrorKind.ALREADY_EXISTS);
        } finally {
            first.interrupt();
            first.join();
        }
        assertThat(runcList()).isEmpty();
    }

    @Test
    void newExecutor_removesContainersAndBundlesOfAKilledKiln() throws Exception {
        String id = ContainerFixture.newId("orphan");
        Path bundle = Files.createDirectories(state.resolve("bundles").resolve(id));
        OciSpec spec = new OciSpecBuilder(HostFacts.current()).build(
                shell(rootfs, "sleep 100").build(), ResolvedUser.ROOT,
                Files.writeString(bundle.resolve("hosts"), ""), Files.writeString(bundle.resolve("resolv.conf"), ""),
                "kiln/" + id);
        Files.write(bundle.resolve("config.json"), Json.bytes(spec));
        Process detached = new ProcessBuilder("runc", "--root", state.resolve("runc").toString(), "run", "--detach",
                "--bundle", bundle.toString(), id).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(detached.waitFor()).isZero();
        assertThat(runcList()).contains(id);

        new RuncExecutor(state);

        assertThat(runcList()).doesNotContain(id);
        assertThat(bundle).doesNotExist();
    }

    @Test
    void mountPointStubs_areRemovedAfterTheRun() throws Exception {
        Path bare = BusyboxRootfs.create(Files.createDirectory(temp.resolve("bare")));
        Files.delete(bare.resolve("etc"));
        Path data = Files.createDirectories(temp.resolve("data"));

        run(executor, shell(bare, "test -f /etc/hosts && test -d /mnt/deep/data")
                .mount(ContainerMount.bind("/mnt/deep/data", data, true)).build()).succeeded();

        assertThat(bare.resolve("etc")).doesNotExist();
        assertThat(bare.resolve("mnt")).doesNotExist();
    }

    @Test
    void mountPointStub_withContentWrittenThrough_isKept() throws Exception {
        Path own = BusyboxRootfs.create(Files.createDirectory(temp.resolve("own")));

        run(executor, shell(own, "mkdir -p /out && echo kept > /out/file")
                .mount(ContainerMount.tmpfs("/out/scratch", 0)).build()).succeeded();

        assertThat(own.resolve("out/scratch")).doesNotExist();
        assertThat(own.resolve("out/file")).hasContent("kept");
    }

    @Test
    void overlayRootfs_keepsWritesAndNoStubsInTheUpperDir() throws Exception {
        Path layers = Files.createDirectory(temp.resolve("overlay"));
        Path upper = Files.createDirectory(layers.resolve("upper"));
        Path merged = Files.createDirectory(layers.resolve("merged"));
        Files.createDirectory(layers.resolve("work"));
        Files.deleteIfExists(rootfs.resolve("etc/hosts"));
        oracle("mount", "-t", "overlay", "overlay", "-o", "lowerdir=" + rootfs + ",upperdir=" + upper
                + ",workdir=" + layers.resolve("work"), merged.toString());
        try {
            run(executor, shell(merged, "echo new > /newfile").build()).succeeded();
        } finally {
            oracle("umount", merged.toString());
        }

        assertThat(upper.resolve("newfile")).hasContent("new");
        assertThat(upper.resolve("etc/hosts")).doesNotExist();
        assertThat(upper.resolve("etc/resolv.conf")).doesNotExist();
    }

    /** mount(8)/umount(8) as test oracles only: the product never runs them. */
    private static void oracle(String... command) throws Exception {
        Process process = new ProcessBuilder(command).inheritIO().start();
        assertThat(process.waitFor()).as(String.join(" ", command)).isZero();
    }

    @Test
    void rootfsThatIsNotADirectory_isRejected() {
        ExecRequest request = shell(temp.resolve("missing"), "true").build();

        assertThatThrownBy(() -> executor.run(request, ProcessOutput.discard()))
                .isInstanceOf(KilnException.class)
                .hasMessageContaining("is not a directory");
    }
}
