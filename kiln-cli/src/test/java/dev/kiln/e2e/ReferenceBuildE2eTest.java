package dev.kiln.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 3, acceptance 2: the reference Dockerfile of {@code bench/reference} (the benchmark builds the same
 * one). Stages a and b run at the same time; a rebuild is CACHED throughout, also after touching app.txt; a
 * change of app.txt re-runs its COPY and what follows, nothing else.
 */
class ReferenceBuildE2eTest {
    @RegisterExtension
    static final KilnEnv kiln = new KilnEnv();

    private static final String COPY_APP = "COPY app.txt /app/app.txt";
    private static final Pattern FINAL_STAGE_STEP = Pattern.compile("^\\[stage-3 (\\d+)/\\d+\\]");

    private static Path context;
    private static List<String> baseArgs;
    private static PlainLog cold;
    private static Path coldOutput;

    @BeforeAll
    static void coldBuild() throws IOException {
        context = kiln.scratch("reference");
        try (Stream<Path> files = Files.list(referenceDir())) {
            for (Path f : files.toList()) {
                Files.copy(f, context.resolve(f.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        // CI has debian (bin/setup --debian); a machine without it builds the same graph on busybox.
        baseArgs = Registry.debian().isPresent() ? List.of()
                : List.of("--build-arg", "BASE=" + Registry.busybox());
        coldOutput = kiln.scratch("cold");
        cold = build(coldOutput);
    }

    @Test
    void coldBuild_runsStagesAAndBAtTheSameTime() throws IOException {
        double aStart = seconds(coldOutput.resolve("stages/a/a.start"));
        double aEnd = seconds(coldOutput.resolve("stages/a/a.end"));
        double bStart = seconds(coldOutput.resolve("stages/b/b.start"));
        double bEnd = seconds(coldOutput.resolve("stages/b/b.end"));
        assertThat(Math.min(aEnd, bEnd) - Math.max(aStart, bStart))
                .as("overlap of a [%s, %s] and b [%s, %s] in seconds", aStart, aEnd, bStart, bEnd)
                .isGreaterThan(1.0);

        PlainLog.Step a = cold.step("[a 1/1] RUN");
        PlainLog.Step b = cold.step("[b 1/1] RUN");
        assertThat(a.state()).isEqualTo("DONE");
        assertThat(b.state()).isEqualTo("DONE");
        assertThat(a.firstLine()).as("a starts before b ends in the progress").isLessThan(b.lastLine());
        assertThat(b.firstLine()).as("b starts before a ends in the progress").isLessThan(a.lastLine());
        assertThat(coldOutput.resolve("app/all.txt")).hasContent("base\na\nb\nhello\n");
    }

    @Test
    void rebuildWithoutChange_isCachedInEveryStep() {
        PlainLog again = build(null);
        assertThat(again.dockerfileSteps()).hasSize(cold.dockerfileSteps().size())
                .allSatisfy(s -> assertThat(s.state()).as(s.name()).isEqualTo("CACHED"));
    }

    @Test
    void touchingAppTxt_keepsEveryStepCached() throws IOException {
        build(null);
        Path app = context.resolve("app.txt");
        Files.setLastModifiedTime(app, FileTime.from(Instant.now().plusSeconds(3600)));

        PlainLog touched = build(null);
        assertThat(touched.dockerfileSteps()).isNotEmpty()
                .allSatisfy(s -> assertThat(s.state()).as(s.name()).isEqualTo("CACHED"));
    }

    @Test
    void changingAppTxt_rerunsItsCopyAndTheStepsAfterIt_only() throws IOException {
        build(null);
        Files.writeString(context.resolve("app.txt"), "changed " + System.nanoTime() + "\n");
        Path out = kiln.scratch("changed");

        PlainLog changed = build(out);
        int copyApp = finalStagePosition(changed.step(COPY_APP));
        List<String> rerun = new ArrayList<>();
        for (PlainLog.Step s : changed.dockerfileSteps()) {
            boolean after = finalStagePosition(s) >= copyApp;
            assertThat(s.state()).as(s.name()).isEqualTo(after ? "DONE" : "CACHED");
            if (after) {
                rerun.add(s.name());
            }
        }
        assertThat(rerun).hasSize(2);
        assertThat(changed.dockerfileSteps()).hasSize(cold.dockerfileSteps().size());
        assertThat(Files.readString(out.resolve("app/all.txt")))
                .isEqualTo("base\na\nb\n" + Files.readString(context.resolve("app.txt")));
    }

    /** Builds the reference; exports the rootfs to {@code out} unless null (saves copying 80 MB of debian). */
    private static PlainLog build(Path out) {
        List<String> args = new ArrayList<>(baseArgs);
        if (out != null) {
            args.addAll(List.of("-o", "type=local,dest=" + out));
        }
        args.add(context.toString());
        return kiln.build(args.toArray(String[]::new));
    }

    /** i of {@code [stage-3 i/n]}, the final stage's steps; 0 for the other stages. */
    private static int finalStagePosition(PlainLog.Step step) {
        Matcher m = FINAL_STAGE_STEP.matcher(step.name());
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static double seconds(Path file) throws IOException {
        return Double.parseDouble(Files.readString(file).strip());
    }

    /** bench/reference at the top of the repository (the tests run in the kiln-cli module). */
    private static Path referenceDir() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("bench/reference");
            if (Files.isRegularFile(candidate.resolve("Dockerfile"))) {
                return candidate;
            }
        }
        throw new UncheckedIOException(new IOException("bench/reference/Dockerfile not found above "
                + Path.of("").toAbsolutePath()));
    }
}
