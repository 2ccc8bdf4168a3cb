package dev.kiln.frontend.dockerfile.instructions;

import dev.kiln.core.KilnException;
import dev.kiln.frontend.dockerfile.parser.AstDump;
import dev.kiln.frontend.dockerfile.parser.ConformanceData;
import dev.kiln.frontend.dockerfile.parser.DockerfileParser;
import dev.kiln.frontend.dockerfile.parser.Node;
import dev.kiln.frontend.dockerfile.parser.ParseResult;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mutates the conformance Dockerfiles at random (seeded, reproducible) and runs every mutant through the parser,
 * the AST dump and the instruction parser. The only acceptable failure is a located {@link KilnException};
 * anything else, or an input that takes too long, fails the test with the seed and the input (base64).
 */
class ParserFuzzTest {
    private static final long SEED = Long.getLong("kiln.fuzz.seed", 0x5EED_D0C4E5L);
    private static final int INPUTS = Integer.getInteger("kiln.fuzz.inputs", 100_000);
    private static final long PER_INPUT_MILLIS = 2_000;

    @Test
    void mutatedDockerfilesOnlyFailWithLocatedKilnExceptions() throws Exception {
        List<byte[]> corpus = corpus();
        DockerfileMutator mutator = new DockerfileMutator(SEED, corpus);
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "parser-fuzz");
            t.setDaemon(true);
            return t;
        });
        int parsed = 0;
        try {
            for (int i = 0; i < INPUTS; i++) {
                byte[] input = mutator.next();
                Future<Boolean> outcome = worker.submit(() -> exercise(input));
                if (await(outcome, i, input)) {
                    parsed++;
                }
            }
        } finally {
            worker.shutdownNow();
        }
        // the mutants must not all be rejected, or the fuzzer would only exercise error paths
        assertThat(parsed).isGreaterThan(INPUTS / 10);
    }

    private static boolean await(Future<Boolean> outcome, int index, byte[] input) throws InterruptedException {
        try {
            return outcome.get(PER_INPUT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            outcome.cancel(true);
            throw new AssertionError(describe(index, input) + " took longer than " + PER_INPUT_MILLIS + " ms");
        } catch (ExecutionException e) {
            throw new AssertionError(describe(index, input) + " failed: " + e.getCause(), e.getCause());
        }
    }

    private static String describe(int index, byte[] input) {
        return "fuzz input #" + index + " (seed " + SEED + ", base64 " + Base64.getEncoder().encodeToString(input) + ")";
    }

    /** True when the whole file turned into instructions; false for a located error; throws otherwise. */
    private static boolean exercise(byte[] input) {
        ParseResult result;
        try {
            result = DockerfileParser.parse(input, "Dockerfile");
        } catch (KilnException e) {
            requireLocation(e);
            return false;
        }
        assertThat(AstDump.dump(result.root())).isNotNull();
        boolean allTyped = true;
        for (Node node : result.root().children()) {
            try {
                useTyped(InstructionParser.parse(node));
            } catch (KilnException e) {
                requireLocation(e);
                allTyped = false;
            }
        }
        if (allTyped) {
            try {
                DockerfileStructure.of(result.root());
            } catch (KilnException noStage) {
                requireLocation(noStage);
            }
        }
        return allTyped;
    }

    /** Runs the later-stage helpers on what the instruction carries; they may only fail with KilnException. */
    private static void useTyped(Instruction instruction) {
        if (instruction instanceof RunInstruction run) {
            try {
                run.mountSpecs(WordExpander.LITERAL).forEach(m -> m.secretTarget());
            } catch (KilnException invalidMount) {
                assertThat(invalidMount.getMessage()).isNotBlank();
            }
        }
    }

    private static void requireLocation(KilnException e) {
        assertThat(e.location()).as("location of \"%s\"", e.getMessage()).isPresent();
        assertThat(e.location().get().file()).isEqualTo("Dockerfile");
    }

    private static List<byte[]> corpus() throws IOException {
        List<byte[]> files = new ArrayList<>();
        Path parser = ConformanceData.path("parser");
        try (Stream<Path> walk = Files.walk(parser)) {
            walk.filter(p -> p.getFileName().toString().equals("Dockerfile")).sorted().forEach(p -> {
                try {
                    files.add(Files.readAllBytes(p));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        for (String fixture : List.of("instructions/errors.json", "instructions/heredoc_instructions.json",
                "instructions/misc.json", "parser/heredoc_helpers.json")) {
            ConformanceData.cases(fixture).stream().filter(c -> c.has("dockerfile"))
                    .map(c -> c.get("dockerfile").stringValue().getBytes(StandardCharsets.UTF_8)).forEach(files::add);
        }
        assertThat(files).hasSizeGreaterThan(30);
        return files;
    }
}
