package dev.kiln.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 3, part 1: cancelling a build (SIGTERM, as Ctrl-C or a CI runner's cancel) stops its running
 * container, unmounts what it mounted and leaves a state root the next build uses as if nothing happened.
 */
class CancelE2eTest {
    @RegisterExtension
    static final KilnEnv kiln = new KilnEnv();

    @Test
    void sigtermDuringRun_exitsNonZero_andTheNextBuildRunsTheStep() throws IOException {
        try (Gate gate = new Gate()) {
            Path ctx = cancelDuringRun(gate, child -> { });
            Path out = kiln.scratch("out");
            PlainLog again = kiln.build("-o", "type=local,dest=" + out, ctx.toString());
            assertThat(again.step("RUN wget").state()).isEqualTo("DONE");
            assertThat(out.resolve("gate")).hasContent("run-2\n");
            AfterKill.assertConsistent(kiln, ctx);
        } finally {
            // What the cancelled build leaves mounted is checked by the test below.
            Mounts.detachAll(kiln.root());
        }
    }

    @Test
    void sigtermDuringRun_stopsTheContainer_andUnmounts() {
        try (Gate gate = new Gate()) {
            cancelDuringRun(gate, child -> {
                assertThat(child.liveOrphans()).as("processes kiln had started, still running").isEmpty();
                AfterKill.assertNothingMounted(kiln);
            });
        }
    }

    /** Starts the build, sends SIGTERM while its RUN step runs, checks {@code afterExit}; the context. */
    private static Path cancelDuringRun(Gate gate, Consumer<KilnProcess> afterExit) {
        Path ctx = kiln.scratch("ctx");
        KilnEnv.write(ctx.resolve("Dockerfile"), """
                FROM %s
                RUN wget -q -O /gate %s
                """.formatted(Registry.busybox(), gate.url()));
        try (KilnProcess child = kiln.start(ctx.toString())) {
            try {
                child.awaitWhileRunning("the RUN step fetching from the gate", AfterKill.REACH, () -> gate.requests() >= 1);
                child.terminate();
                assertThat(child.awaitExit(Duration.ofSeconds(20))).as("exit code after SIGTERM").isNotZero();
                afterExit.accept(child);
            } finally {
                gate.release();
            }
        }
        return ctx;
    }
}
