package dev.kiln.cli.build;

import dev.kiln.core.Digest;
import dev.kiln.core.KilnException;
import dev.kiln.core.ErrorKind;
import dev.kiln.core.SourceLocation;
import dev.kiln.graph.ExecMeta;
import dev.kiln.graph.ExecMount;
import dev.kiln.graph.ExecOp;
import dev.kiln.graph.Graph;
import dev.kiln.graph.NodeMeta;
import dev.kiln.solver.SolveOptions;
import dev.kiln.solver.Solver;
import dev.kiln.solver.VertexError;
import dev.kiln.solver.WorkerSpi;
import dev.kiln.solver.cache.InMemoryCacheStore;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class FailureSummaryTest {

    /** A worker whose only op fails, so the solver produces a real VertexError. */
    private static VertexError failingStep(SourceLocation at) {
        WorkerSpi worker = new WorkerSpi() {
            @Override
            public OpHandler resolve(dev.kiln.graph.Node node) {
                return new OpHandler() {
                    @Override
                    public CacheMap cacheMap(OpContext ctx) {
                        return new CacheMap(Digest.sha256("x"), List.of());
                    }

                    @Override
                    public List<Result> exec(OpContext ctx, List<Result> inputs) {
                        throw new KilnException(ErrorKind.FAILED_PRECONDITION, "exit code: 3");
                    }
                };
            }

            @Override
            public Optional<Result> load(String resultId) {
                return Optional.empty();
            }
        };
        Graph.Builder b = Graph.builder();
        var exec = new ExecOp(new ExecMeta(List.of("false"), List.of(), "/", "", null, List.of(), List.of(), List.of()),
                List.of(ExecMount.root(-1, 0)), "sandbox", "sandbox", List.of());
        var node = b.add(exec, List.of(), "linux/amd64", new NodeMeta("[2/2] RUN false", at, false));
        return catchThrowableOfType(VertexError.class, () -> new Solver(worker, new InMemoryCacheStore(), 1)
                .solve(b.build(node.output(0)), SolveOptions.DEFAULT, e -> { }));
    }

    @Test
    void summary_repeatsTheOutputTail_andMarksTheFailingLines() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        List<String> dockerfile = List.of("FROM busybox", "COPY . .", "RUN false", "CMD [\"sh\"]", "LABEL a=b", "ENV x=y");
        new FailureSummary(new PrintStream(buf, true, StandardCharsets.UTF_8), dockerfile)
                .print(failingStep(SourceLocation.line("Dockerfile", 3)), List.of("some output"));
        assertThat(buf.toString(StandardCharsets.UTF_8)).isEqualTo("""
                ------
                 > [2/2] RUN false:
                some output
                ------
                Dockerfile:3
                --------------------
                   1 |     FROM busybox
                   2 |     COPY . .
                   3 | >>> RUN false
                   4 |     CMD ["sh"]
                   5 |     LABEL a=b
                --------------------
                """);
    }

    @Test
    void summary_withoutAKnownLine_showsOnlyTheOutput() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        new FailureSummary(new PrintStream(buf, true, StandardCharsets.UTF_8), List.of("FROM x"))
                .print(failingStep(SourceLocation.line("Dockerfile", 9)), List.of());
        assertThat(buf.toString(StandardCharsets.UTF_8)).isEqualTo("------\n > [2/2] RUN false:\n------\n");
    }
}
