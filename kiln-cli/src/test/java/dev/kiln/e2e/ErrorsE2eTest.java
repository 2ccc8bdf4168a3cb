package dev.kiln.e2e;

import dev.kiln.cli.CliRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 3, "Errors a user gets": each failure exits non-zero with one clear ERROR line that says what and
 * where, and never a Java stack trace.
 */
class ErrorsE2eTest {
    @RegisterExtension
    static final KilnEnv kiln = new KilnEnv();

    private static Path context;

    @BeforeAll
    static void context() {
        context = kiln.scratch("ctx");
        KilnEnv.write(context.resolve("app.txt"), "app\n");
        KilnEnv.write(context.resolve("Dockerfile"), "FROM " + Registry.busybox() + "\nCOPY app.txt /\n");
    }

    @Test
    void unknownTag_namesTheImageTheRegistryAndItsAnswer() {
        String image = Registry.busybox() + ":no-such-tag";
        String error = failing(build("FROM " + image + "\n"));
        assertThat(error).contains(image).contains(Registry.address()).contains("manifest unknown");
    }

    @Test
    void unknownImage_namesTheImageTheRegistryAndItsAnswer() {
        String image = Registry.address() + "/kiln-e2e/no-such-image:1";
        String error = failing(build("FROM " + image + "\n"));
        assertThat(error).contains(image).contains("manifest unknown");
    }

    @Test
    void unreachableRegistry_namesTheAddressAndTheCause() {
        String error = failing(build("FROM 127.0.0.1:1/kiln-e2e/x\n"));
        assertThat(error).contains("127.0.0.1:1").contains("connection refused");
    }

    @Test
    void failingRun_showsTheLineTheCommandTheExitCodeAndTheLastOutput() {
        String command = "for i in $(seq 1 40); do echo out-$i; done; exit 7";
        CliRun r = build("FROM " + Registry.busybox() + "\nCOPY app.txt /\nRUN " + command + "\n", "--progress", "quiet");
        String error = failing(r);
        assertThat(error).contains("Dockerfile:3").contains(command).contains("exit code: 7");
        List<String> lines = r.err().lines().toList();
        assertThat(lines).as("the last output lines are shown").contains("out-40", "out-39").doesNotContain("out-1");
        assertThat(lines).anyMatch(l -> l.contains(">>> RUN " + command));
    }

    @Test
    void missingContext_namesThePath() {
        Path missing = context.resolveSibling("no-such-context");
        String error = failing(kiln.run("build", missing.toString()));
        assertThat(error).contains(missing.toString()).contains("not found");
    }

    @Test
    void missingDockerfile_namesThePathAndTheCause() {
        Path missing = context.resolveSibling("elsewhere").resolve("Dockerfile");
        String error = failing(kiln.run("build", "-f", missing.toString(), context.toString()));
        assertThat(error).contains(missing.toString()).containsIgnoringCase("no such file");
    }

    @Test
    void unknownFlag_isAUsageError_exit2() {
        CliRun r = kiln.run("build", "--no-such-flag", context.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().lines().filter(l -> !l.isBlank()).toList()).singleElement().asString()
                .contains("--no-such-flag");
        assertNoStackTrace(r);
    }

    @Test
    void platformList_isNotSupportedYet() {
        String error = failing(kiln.run("build", "--platform", "linux/amd64,linux/arm64", context.toString()));
        assertThat(error).contains("--platform").contains("not supported yet");
    }

    @Test
    void unknownOutputType_isRejected() {
        String error = failing(kiln.run("build", "-o", "type=bogus", context.toString()));
        assertThat(error).contains("bogus");
    }

    private static CliRun build(String dockerfile, String... args) {
        Path file = KilnEnv.write(kiln.scratch("df").resolve("Dockerfile"), dockerfile);
        List<String> all = new ArrayList<>(List.of("-f", file.toString()));
        all.addAll(List.of(args));
        all.add(context.toString());
        return kiln.run("build", all.toArray(String[]::new));
    }

    /** Asserts the run failed with exactly one ERROR line and no stack trace; returns that line. */
    private static String failing(CliRun r) {
        assertThat(r.exitCode()).as("exit code; stderr:%n%s", r.err()).isNotZero();
        assertNoStackTrace(r);
        List<String> errors = r.err().lines().filter(l -> l.startsWith("ERROR")).toList();
        assertThat(errors).as("ERROR lines in:%n%s", r.err()).hasSize(1);
        return errors.getFirst();
    }

    private static void assertNoStackTrace(CliRun r) {
        assertThat(r.err().lines()).as("stderr:%n%s", r.err())
                .noneMatch(l -> l.matches("\\s+at [\\w.$/]+\\(.*\\)") || l.startsWith("Caused by:")
                        || l.contains("Exception"));
    }
}
