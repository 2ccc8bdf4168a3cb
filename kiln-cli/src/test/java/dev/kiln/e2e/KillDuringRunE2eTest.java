package dev.kiln.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 3, safety: {@code kill -9} of kiln while a RUN step runs, then the same build again. The step is held
 * running by a {@link Gate} until the kill; the rebuild must run it again (its output comes from the second
 * request), not serve what the killed run left behind.
 */
class KillDuringRunE2eTest {
    @RegisterExtension
    static final KilnEnv kiln = new KilnEnv();

    private record Rebuilt(Path context, Path killedOut, Path out, PlainLog log) {
    }

    @Test
    void theSameBuildAfterwards_runsTheKilledStepAgain() throws IOException {
        try (Gate gate = new Gate()) {
            Rebuilt r = killDuringRunThenRebuild(gate);
            assertThat(r.killedOut()).as("the killed build exported nothing").isEmptyDirectory();
            assertThat(r.log().step("RUN wget").state()).as("the killed step").isEqualTo("DONE");
            assertThat(r.log().step("RUN echo before").state()).as("the step finished before the kill")
                    .isEqualTo("CACHED");
            assertThat(r.out().resolve("gate")).hasContent("run-2\n");
            assertThat(r.out().resolve("after")).hasContent("after\n");
            assertThat(gate.requests()).isEqualTo(2);
            AfterKill.assertConsistent(kiln, r.context());
        }
    }

    @Test
    void theSameBuildAfterwards_leavesNoMountOfTheKilledRun() {
        try (Gate gate = new Gate()) {
            killDuringRunThenRebuild(gate);
            AfterKill.assertNothingMounted(kiln);
        }
    }

    private static Rebuilt killDuringRunThenRebuild(Gate gate) {
        Path ctx = kiln.scratch("ctx");
        KilnEnv.write(ctx.resolve("Dockerfile"), """
                FROM %s
                RUN echo before > /before
                RUN wget -q -O /gate %s && echo after > /after
                """.formatted(Registry.busybox(), gate.url()));
        Path killedOut = kiln.scratch("killed");
        try (KilnProcess child = kiln.start("-o", "type=local,dest=" + killedOut, ctx.toString())) {
            child.awaitWhileRunning("the RUN step fetching from the gate", AfterKill.REACH, () -> gate.requests() >= 1);
            child.kill9();
            gate.release();
        }
        Path out = kiln.scratch("out");
        PlainLog log = kiln.build("-o", "type=local,dest=" + out, ctx.toString());
        return new Rebuilt(ctx, killedOut, out, log);
    }
}
