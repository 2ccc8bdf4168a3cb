package dev.kiln.cli.progress;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class PlainProgressTest {
    private final ByteArrayOutputStream buf = new ByteArrayOutputStream();
    private final PlainProgress progress = new PlainProgress(new PrintStream(buf, true, StandardCharsets.UTF_8));
    private static final long S = 1_000_000_000L;

    private String output() {
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    void vertexBlock_logsAndDone_matchBuildkitFormat() {
        progress.started("a", "[1/2] RUN echo hi", 0);
        progress.log("a", "hi\nthere\n".getBytes(StandardCharsets.UTF_8), 231_000_000L);
        progress.completed("a", 1_250_000_000L);
        progress.cached("b", "[2/2] COPY x /x");
        assertThat(output()).isEqualTo("""
                #1 [1/2] RUN echo hi
                #1 0.231 hi
                #1 0.231 there
                #1 DONE 1.2s

                #2 [2/2] COPY x /x
                #2 CACHED
                """);
    }

    @Test
    void interleavedVertices_closeTheOpenBlockWithEllipsis() {
        progress.started("a", "[a 1/1] RUN sleep 1", 0);
        progress.started("b", "[b 1/1] RUN sleep 1", 0);
        progress.log("a", "x\n".getBytes(StandardCharsets.UTF_8), 12 * S);
        progress.failed("b", "process did not complete successfully: exit code: 1", false, 2 * S);
        assertThat(output()).isEqualTo("""
                #1 [a 1/1] RUN sleep 1
                #1 ...

                #2 [b 1/1] RUN sleep 1
                #2 ...

                #1 [a 1/1] RUN sleep 1
                #1 12.00 x
                #1 ...

                #2 [b 1/1] RUN sleep 1
                #2 ERROR: process did not complete successfully: exit code: 1
                """);
    }

    @Test
    void bytes_useDecimalUnitsLikeBuildkit() {
        assertThat(PlainProgress.bytes(227)).isEqualTo("227B");
        assertThat(PlainProgress.bytes(32_768)).isEqualTo("32.77kB");
        assertThat(PlainProgress.bytes(2_100_000)).isEqualTo("2.10MB");
    }

    @Test
    void fixed_roundsTheExactBinaryValueHalfToEven_likeGo() {
        assertThat(PlainProgress.fixed(0.25, 1)).isEqualTo("0.2"); // an exact tie goes to even
        assertThat(PlainProgress.fixed(0.75, 1)).isEqualTo("0.8");
        assertThat(PlainProgress.fixed(0.35, 1)).isEqualTo("0.3"); // 0.35 is 0.34999... in binary
        assertThat(PlainProgress.fixed(0.0625, 3)).isEqualTo("0.062");
        assertThat(PlainProgress.fixed(0.0, 1)).isEqualTo("0.0");
        assertThat(PlainProgress.fixed(1234.5, 0)).isEqualTo("1234");
        assertThat(PlainProgress.fixed(0.004, 2)).isEqualTo("0.00");
        assertThat(PlainProgress.fixed(4.9e-324, 3)).isEqualTo("0.000");
        assertThat(PlainProgress.fixed(3.0e20, 1)).isEqualTo("300000000000000000000.0");
        // The exact decimal expansion (BigDecimal, test-only here) is the oracle for many values and precisions.
        java.util.Random random = new java.util.Random(3);
        for (int i = 0; i < 20_000; i++) {
            double v = switch (i % 3) {
                case 0 -> random.nextInt(100_000) / 1000.0;
                case 1 -> random.nextInt(4000) / 16.0;
                default -> random.nextDouble() * Math.pow(10, random.nextInt(9) - 3);
            };
            int decimals = random.nextInt(4);
            assertThat(PlainProgress.fixed(v, decimals)).as("%s to %d decimals", v, decimals).isEqualTo(
                    new java.math.BigDecimal(v).setScale(decimals, java.math.RoundingMode.HALF_EVEN).toPlainString());
        }
    }

    @Test
    void seconds_precisionShrinksWithMagnitude() {
        assertThat(PlainProgress.seconds(1_234_567_890L)).isEqualTo("1.235");
        assertThat(PlainProgress.seconds(12_345_678_900L)).isEqualTo("12.35");
        assertThat(PlainProgress.seconds(123_456_789_000L)).isEqualTo("123.5");
    }
}
