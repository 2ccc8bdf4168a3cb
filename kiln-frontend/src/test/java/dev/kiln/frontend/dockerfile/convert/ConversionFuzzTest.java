package dev.kiln.frontend.dockerfile.convert;

import dev.kiln.core.KilnException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Feeds 100,000 mutated Dockerfiles (a fixed seed, so failures reproduce) through parsing, conversion and
 * the check-only mode: every input must convert or fail with a {@link KilnException} that names a line.
 * About 20 s on an idle 2-core machine; the timeout only guards against a hang.
 */
class ConversionFuzzTest {
    private static final int INPUTS = 100_000;
    private static final List<String> SEEDS = List.of("multistage", "heredocs", "misc", "escape", "chain");

    @Test
    void mutatedDockerfilesConvertOrFailWithALocatedKilnException() {
        List<String> seeds = SEEDS.stream().map(ConversionFuzzTest::seed).toList();
        DockerfileMutator mutator = new DockerfileMutator(20261127L);
        List<String> failures = new ArrayList<>();
        int[] converted = {0};
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            for (int i = 0; i < INPUTS && failures.size() < 5; i++) {
                String input = mutator.mutate(seeds.get(i % seeds.size()));
                String problem = run(input, i % 10 == 0);
                if (problem == null) {
                    converted[0]++;
                } else if (!problem.isEmpty()) {
                    failures.add(problem + "\n--- input ---\n" + input);
                }
            }
        });
        assertThat(failures).isEmpty();
        assertThat(converted[0]).as("inputs that still convert").isGreaterThan(INPUTS / 20);
    }

    /** Null when the input converted, empty for a proper error, else what went wrong. */
    private static String run(String dockerfile, boolean checkOnly) {
        ConvertRequest request = ConvertRequest.builder(dockerfile.getBytes(StandardCharsets.UTF_8))
                .buildArgs(Map.of("BASE", "busybox")).context("context", List.of("*.md", "!README.md"))
                .resolver(new OfflineImageResolver()).build();
        try {
            if (checkOnly) {
                CheckResult r = DockerfileConverter.check(request);
                return r.error().map(ConversionFuzzTest::located).orElse(null);
            }
            DockerfileConverter.convert(request);
            return null;
        } catch (KilnException e) {
            return located(e);
        } catch (RuntimeException | StackOverflowError e) {
            return "unexpected " + e;
        }
    }

    private static String located(KilnException e) {
        return e.location().isPresent() ? "" : "no location: " + e.getMessage();
    }

    private static String seed(String name) {
        try (InputStream in = ConversionFuzzTest.class.getResourceAsStream("/fuzz/" + name + ".Dockerfile")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
