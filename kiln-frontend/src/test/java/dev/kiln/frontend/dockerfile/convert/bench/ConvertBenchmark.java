package dev.kiln.frontend.dockerfile.convert.bench;

import dev.kiln.frontend.dockerfile.convert.ConvertRequest;
import dev.kiln.frontend.dockerfile.convert.ConvertResult;
import dev.kiln.frontend.dockerfile.convert.DockerfileConverter;
import dev.kiln.frontend.dockerfile.convert.OfflineImageResolver;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Parse + convert of a generated multi-stage Dockerfile with 1,000 instructions (run by
 * {@code bench/frontend-jmh.sh}; target: under 50 ms per conversion once warm).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC"})
public class ConvertBenchmark {
    static final int INSTRUCTIONS = 1_000;

    private ConvertRequest request;

    @Setup
    public void setUp() {
        byte[] dockerfile = GeneratedDockerfile.of(INSTRUCTIONS).getBytes(StandardCharsets.UTF_8);
        request = ConvertRequest.builder(dockerfile).buildArgs(Map.of("VERSION", "2"))
                .resolver(new OfflineImageResolver()).build();
    }

    @Benchmark
    public ConvertResult parseAndConvert() {
        return DockerfileConverter.convert(request);
    }
}
