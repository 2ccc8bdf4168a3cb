package dev.kiln.e2e;

import dev.kiln.cli.CliRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 3, part 12: the rest of {@code docker buildx build}'s single-platform surface, each flag checked by
 * what the built rootfs holds (exported to a directory).
 */
class BuildFlagsE2eTest {
    @RegisterExtension
    static final KilnEnv kiln = new KilnEnv();

    private static Path stages;
    private static Path probes;
    private static Path probedWithDefaults;
    private static Path probedWithFlags;

    @BeforeAll
    static void contexts() {
        stages = kiln.scratch("stages");
        KilnEnv.write(stages.resolve("app.txt"), "app\n");
        KilnEnv.write(stages.resolve("Dockerfile"), """
                FROM %1$s AS s1
                ARG GREETING=default
                RUN echo "$GREETING" > /s1.txt && cat /proc/sys/kernel/random/uuid > /s1.id

                FROM %1$s AS s2
                RUN cat /proc/sys/kernel/random/uuid > /s2.id

                FROM %1$s
                COPY --from=s1 /s1.txt /s1.id /out/
                COPY --from=s2 /s2.id /out/
                RUN cat /proc/sys/kernel/random/uuid > /final.id
                """.formatted(Registry.busybox()));

        probes = kiln.scratch("probes");
        KilnEnv.write(probes.resolve("Dockerfile"), """
                FROM %s
                RUN mkdir /p && cat /etc/hosts > /p/hosts \\
                 && tail -n +3 /proc/net/dev | cut -d: -f1 | tr -d ' ' > /p/net \\
                 && df -k /dev/shm | tail -n 1 | awk '{print $2}' > /p/shm \\
                 && ulimit -Sn > /p/nofile && ulimit -Hn >> /p/nofile
                """.formatted(Registry.busybox()));
        probedWithDefaults = exported(probes, List.of());
        probedWithFlags = exported(probes, List.of("--add-host", "kiln-e2e.test:10.1.2.3", "--network", "none",
                "--shm-size", "100m", "--ulimit", "nofile=512:512"));
    }

    @Test
    void dockerfileFromStdin() throws IOException {
        Path out = kiln.scratch("stdin-df");
        byte[] dockerfile = ("FROM " + Registry.busybox() + "\nCOPY app.txt /from-stdin.txt\n")
                .getBytes(StandardCharsets.UTF_8);
        kiln.buildWithStdin(dockerfile, "-f", "-", "-o", "type=local,dest=" + out, stages.toString());
        assertThat(out.resolve("from-stdin.txt")).hasContent("app\n");
        assertThat(out.resolve("out")).doesNotExist();
    }

    @Test
    void contextFromStdin_asATar() {
        byte[] tar = tarOf(stages);
        Path out = kiln.scratch("stdin-ctx");
        kiln.buildWithStdin(tar, "-o", "type=local,dest=" + out, "-");
        assertThat(out.resolve("out/s1.txt")).hasContent("default\n");
    }

    @Test
    void dockerfileOutsideTheContext() throws IOException {
        Path other = KilnEnv.write(kiln.scratch("other").resolve("Other.Dockerfile"),
                "FROM " + Registry.busybox() + "\nCOPY . /ctx/\n");
        Path out = kiln.scratch("other-out");
        kiln.build("-f", other.toString(), "-o", "type=local,dest=" + out, stages.toString());
        assertThat(out.resolve("ctx/app.txt")).hasContent("app\n");
        assertThat(out.resolve("ctx/Dockerfile")).exists();
        assertThat(out.resolve("ctx/Other.Dockerfile")).doesNotExist();
    }

    @Test
    void stateRootInsideTheContext_isLeftOutOfTheContext() {
        Path ctx = kiln.scratch("root-inside");
        KilnEnv.write(ctx.resolve("app.txt"), "app\n");
        KilnEnv.write(ctx.resolve("Dockerfile"), "FROM " + Registry.busybox() + "\nCOPY . /ctx/\n");
        Path out = kiln.scratch("root-inside-out");
        CliRun r = CliRun.of("", "build", "--root", ctx.resolve(".kiln").toString(), "-o", "type=local,dest=" + out,
                ctx.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(out.resolve("ctx/app.txt")).hasContent("app\n");
        assertThat(out.resolve("ctx/.kiln")).doesNotExist();
    }

    @Test
    void noCache_runsEveryStepAgain() throws IOException {
        Path first = exported(stages, List.of());
        Path out = kiln.scratch("no-cache");
        PlainLog log = kiln.build("--no-cache", "-o", "type=local,dest=" + out, stages.toString());
        assertThat(log.dockerfileSteps()).isNotEmpty()
                .allSatisfy(s -> assertThat(s.state()).as(s.name()).isEqualTo("DONE"));
        for (String id : List.of("out/s1.id", "out/s2.id", "final.id")) {
            assertThat(Files.readString(out.resolve(id))).as(id).isNotEqualTo(Files.readString(first.resolve(id)));
        }
    }

    @Test
    void stagesOnOneBaseImage_loadItsMetadataOnce() {
        PlainLog log = kiln.build("-o", "type=local,dest=" + kiln.scratch("metadata-once"), stages.toString());
        assertThat(log.steps()).filteredOn(s -> s.name().startsWith("[internal] load metadata for ")).hasSize(1);
    }

    @Test
    void noCacheFilter_runsOnlyThatStageAgain() throws IOException {
        Path first = exported(stages, List.of());
        Path out = kiln.scratch("no-cache-filter");
        PlainLog log = kiln.build("--no-cache-filter", "s1", "-o", "type=local,dest=" + out, stages.toString());
        assertThat(log.step("[s1 2/2] RUN").state()).isEqualTo("DONE");
        assertThat(log.step("[s2 2/2] RUN").state()).isEqualTo("CACHED");
        assertThat(Files.readString(out.resolve("out/s1.id"))).isNotEqualTo(Files.readString(first.resolve("out/s1.id")));
        assertThat(Files.readString(out.resolve("out/s2.id"))).isEqualTo(Files.readString(first.resolve("out/s2.id")));
    }

    @Test
    void buildArg_overridesTheArgDefault() {
        assertThat(exported(stages, List.of()).resolve("out/s1.txt")).hasContent("default\n");
        assertThat(exported(stages, List.of("--build-arg", "GREETING=hello e2e")).resolve("out/s1.txt"))
                .hasContent("hello e2e\n");
    }

    @Test
    void target_buildsThatStageOnly() {
        Path out = exported(stages, List.of("--target", "s2"));
        assertThat(out.resolve("s2.id")).exists();
        assertThat(out.resolve("out")).doesNotExist();
        assertThat(out.resolve("final.id")).doesNotExist();
    }

    @Test
    void label_isAddedToTheImageConfig() {
        Path oci = kiln.scratch("label").resolve("image.tar");
        kiln.build("--label", "org.example.built-by=kiln e2e", "-o", "type=oci,dest=" + oci, stages.toString());
        JsonNode labels = Tool.okJson("skopeo", "inspect", "--config", "oci-archive:" + oci)
                .get("config").get("Labels");
        assertThat(labels.get("org.example.built-by").asString()).isEqualTo("kiln e2e");
    }

    @Test
    void addHost_appearsInTheRunsEtcHosts() throws IOException {
        assertThat(Files.readAllLines(probedWithFlags.resolve("p/hosts")))
                .anyMatch(l -> l.matches("10\\.1\\.2\\.3\\s+kiln-e2e\\.test"));
        assertThat(Files.readString(probedWithDefaults.resolve("p/hosts"))).doesNotContain("kiln-e2e.test");
    }

    @Test
    void networkNone_leavesOnlyLoopback() throws IOException {
        assertThat(Files.readAllLines(probedWithFlags.resolve("p/net"))).containsExactly("lo");
        assertThat(Files.readAllLines(probedWithDefaults.resolve("p/net"))).as("the default is the host's network")
                .contains("lo").hasSizeGreaterThan(1);
    }

    @Test
    void shmSize_sizesDevShm() throws IOException {
        assertThat(Files.readString(probedWithFlags.resolve("p/shm")).strip()).isEqualTo(String.valueOf(100 * 1024));
        assertThat(Files.readString(probedWithDefaults.resolve("p/shm")).strip()).isNotEqualTo(String.valueOf(100 * 1024));
    }

    @Test
    void ulimit_setsSoftAndHardLimits() throws IOException {
        assertThat(Files.readAllLines(probedWithFlags.resolve("p/nofile"))).containsExactly("512", "512");
        assertThat(Files.readAllLines(probedWithDefaults.resolve("p/nofile"))).doesNotContain("512");
    }

    /** Builds {@code context} with {@code flags} and returns the directory its rootfs was exported to. */
    private static Path exported(Path context, List<String> flags) {
        Path out = kiln.scratch("out");
        List<String> args = new ArrayList<>(flags);
        args.addAll(List.of("-o", "type=local,dest=" + out, context.toString()));
        kiln.build(args.toArray(String[]::new));
        return out;
    }

    private static byte[] tarOf(Path dir) {
        Path tar = kiln.scratch("tar").resolve("context.tar");
        Tool.ok("tar", "-cf", tar.toString(), "-C", dir.toString(), ".");
        try {
            return Files.readAllBytes(tar);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
