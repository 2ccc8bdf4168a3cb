package dev.kiln.frontend.dockerfile.convert;

import dev.kiln.core.KilnException;
import dev.kiln.graph.ExecMeta;
import dev.kiln.graph.ExecMount;
import dev.kiln.graph.ExecOp;
import dev.kiln.graph.FileAction;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunAndStageTest {

    @Test
    void runMountsBecomeExecMountsWithBuildkitDefaults() {
        Converted c = Converted.of("""
                FROM busybox AS tools
                FROM busybox
                WORKDIR /w
                RUN --mount=type=cache,target=/root/.cache,sharing=locked,uid=1000 \\
                    --mount=type=bind,from=tools,source=/bin,target=t \\
                    --mount=type=tmpfs,target=/tmp,size=1m \\
                    --mount=type=secret,id=tok,env=TOKEN \\
                    --mount=type=secret,id=key,required \\
                    --mount=type=ssh \\
                    make
                """, b -> b.buildArgs(Map.of("BUILDKIT_CACHE_MOUNT_NS", "ns")));
        ExecOp run = c.exec(0);
        assertThat(run.mounts()).extracting(ExecMount::dest)
                .containsExactly("/", "/root/.cache", "/tmp", "/w/t", "/run/secrets/key", "/run/buildkit/ssh_agent.0");
        ExecMount cache = run.mounts().get(1);
        assertThat(cache.cacheOpt()).isEqualTo(new ExecMount.CacheOpt("ns//root/.cache", ExecMount.Sharing.LOCKED));
        assertThat(cache.selector()).isEqualTo("/cache");
        assertThat(cache.output()).isEqualTo(ExecMount.NO_OUTPUT);
        assertThat(run.mounts().get(2).tmpfsOpt()).isEqualTo(new ExecMount.TmpfsOpt(1024 * 1024));
        ExecMount bind = run.mounts().get(3);
        assertThat(bind.readonly()).isTrue();
        assertThat(bind.selector()).isEqualTo("/bin");
        assertThat(run.mounts().get(4).secretOpt()).isEqualTo(new ExecMount.SecretOpt("key", 0, 0, 0400, false));
        assertThat(run.mounts().get(5).sshOpt()).isEqualTo(new ExecMount.SshOpt("default", 0, 0, 0600, true));
        assertThat(run.secretEnv()).containsExactly(new ExecOp.SecretEnv("tok", "TOKEN", true));
        assertThat(c.fileActions()).anySatisfy(a -> assertThat(a)
                .isEqualTo(new FileAction.Mkdir("/cache", 0755, false, new FileAction.Owner("1000", "0"), null)));
    }

    @Test
    void networkSecurityHostsAndProxies() {
        Converted c = Converted.of("FROM busybox\nRUN --network=none --security=insecure true\nRUN true\n",
                b -> b.network("host").extraHosts(List.of(new ExecMeta.HostIp("db", "10.0.0.2")))
                        .buildArgs(Map.of("HTTP_PROXY", "http://proxy:3128")));
        assertThat(c.exec(0).network()).isEqualTo("none");
        assertThat(c.exec(0).security()).isEqualTo("insecure");
        assertThat(c.exec(1).network()).isEqualTo("host");
        assertThat(c.exec(1).meta().extraHosts()).containsExactly(new ExecMeta.HostIp("db", "10.0.0.2"));
        assertThat(c.exec(1).meta().env()).contains("HTTP_PROXY=http://proxy:3128", "http_proxy=http://proxy:3128");
        assertThat(c.history()).contains("RUN /bin/sh -c true # buildkit");
    }

    @Test
    void heredocsRunAsScriptsOrThroughTheShell() {
        Converted c = Converted.of("""
                FROM busybox
                RUN <<EOF
                echo one
                echo two
                EOF
                RUN <<EOF
                #!/usr/bin/env python3
                print("hi")
                EOF
                COPY <<CONF /etc/app.conf
                key=$HOME
                CONF
                """);
        assertThat(c.exec(0).meta().args()).containsExactly("/bin/sh", "-c", "echo one\necho two\n");
        assertThat(c.exec(1).meta().args()).containsExactly("/bin/sh", "-c", "/dev/pipes/EOF");
        assertThat(c.exec(1).mounts().get(1).dest()).isEqualTo("/dev/pipes/");
        assertThat(c.names()).contains("[2/4] RUN <<EOF (echo one...)");
        List<FileAction.Mkfile> files = c.fileActions().stream().filter(a -> a instanceof FileAction.Mkfile)
                .map(a -> (FileAction.Mkfile) a).toList();
        assertThat(files).extracting(FileAction.Mkfile::path).containsExactly("/EOF", "/CONF");
        assertThat(new String(files.get(1).data(), StandardCharsets.UTF_8)).isEqualTo("key=\n");
        assertThat(c.history()).contains("COPY <<CONF /etc/app.conf # buildkit");
    }

    @Test
    void onbuildTriggersRunInTheChildStageAndFromBaseImages() {
        Converted stages = Converted.of("""
                FROM busybox AS base
                ONBUILD RUN echo triggered
                FROM base
                RUN echo child
                """);
        assertThat(stages.execs()).extracting(e -> e.meta().args().getLast()).containsExactly("echo triggered",
                "echo child");
        assertThat(stages.names()).contains("[stage-1 1/2] ONBUILD RUN echo triggered");
        Converted image = Converted.of("FROM busybox\nRUN echo mine\n",
                b -> b.resolver(new StubImages(List.of("RUN echo from-image"))));
        assertThat(image.execs()).extracting(e -> e.meta().args().getLast()).containsExactly("echo from-image",
                "echo mine");
        assertThat(image.image().config().onBuild()).isNull();
        assertThatThrownBy(() -> Converted.of("ARG x\nFROM busybox\n", b -> b.resolver(new StubImages(List.of("BAD x")))))
                .hasMessageContaining("unknown instruction: BAD")
                .satisfies(e -> assertThat(((KilnException) e).location().orElseThrow().startLine()).isEqualTo(2));
    }

    @Test
    void stagesChainOnEarlierStagesAndInheritTheirConfig() {
        Converted c = Converted.of("""
                FROM busybox AS s0
                ENV A=0
                FROM s0 AS s1
                ONBUILD RUN echo from-s1
                FROM s1 AS s2
                ENV B=2
                RUN echo $A $B
                """);
        assertThat(c.execs()).extracting(e -> e.meta().args().getLast()).containsExactly("echo from-s1",
                "echo $A $B");
        assertThat(c.exec(1).meta().env()).contains("A=0", "B=2");
        assertThat(c.image().config().env()).contains("A=0", "B=2");
        assertThat(c.names()).contains("[s2 1/2] ONBUILD RUN echo from-s1", "[s2 2/2] RUN echo 0 2");
    }

    @Test
    void anOnbuildTriggerCanMakeAnotherStageAndItsImagesNeeded() {
        Converted c = Converted.of("""
                FROM busybox AS x
                COPY --from=alpine /a /a
                FROM busybox AS base
                ONBUILD COPY --from=x /a /b
                FROM base
                """);
        assertThat(c.sources()).contains("docker-image://docker.io/library/alpine:latest@" + StubImages.DIGEST);
        assertThat(c.names()).contains("[stage-2 1/1] ONBUILD COPY --from=x /a /b");
    }

    @Test
    void noCacheFilterMarksOnlyThatStage() {
        Converted c = Converted.of("FROM busybox AS a\nRUN a\nFROM busybox\nCOPY --from=a / /\nRUN b\n",
                b -> b.noCacheFilter(List.of("A")));
        assertThat(c.nodes()).filteredOn(n -> n.op() instanceof ExecOp)
                .extracting(n -> n.meta().ignoreCache()).containsExactly(true, false);
        assertThat(Converted.of("FROM busybox\nRUN x\n", b -> b.noCache(true)).nodes())
                .allSatisfy(n -> assertThat(n.meta().ignoreCache()).isTrue());
    }

    @Test
    void workdirIsCreatedOwnedByTheUserAndSourceDateEpochTimesTheImage() {
        Converted c = Converted.of("FROM busybox\nUSER app:app\nWORKDIR data\nCOPY f .\n",
                b -> b.buildArgs(Map.of("SOURCE_DATE_EPOCH", "1700000000")).labels(Map.of("org.x", "y")));
        assertThat(c.fileActions().getFirst()).isEqualTo(new FileAction.Mkdir("/data", 0755, true,
                new FileAction.Owner("app", "app"), 1_700_000_000_000_000_000L));
        assertThat(c.image().created()).isEqualTo("2023-11-14T22:13:20Z");
        assertThat(c.image().history().getLast().created()).isEqualTo("2023-11-14T22:13:20Z");
        assertThat(c.image().config().labels()).containsEntry("org.x", "y");
        assertThat(c.result().warnings()).extracting(w -> w.rule()).contains("WorkdirRelativePath");
    }

    @Test
    void errorsCarryTheirDockerfileLine() {
        assertThatThrownBy(() -> Converted.of("FROM busybox\nRUN true\nBADCMD x\n"))
                .isInstanceOf(KilnException.class)
                .hasMessage("dockerfile parse error on line 3: unknown instruction: BADCMD")
                .satisfies(e -> assertThat(((KilnException) e).userMessage()).startsWith("Dockerfile:3: "));
        assertThatThrownBy(() -> Converted.of("FROM busybox\nCOPY --from=nope /a /b\n"))
                .hasMessageContaining("nope")
                .satisfies(e -> assertThat(((KilnException) e).location().orElseThrow().startLine()).isEqualTo(2));
        assertThatThrownBy(() -> Converted.of("FROM busybox\nSTOPSIGNAL SIGFOO\n")).hasMessage("Invalid signal: SIGFOO");
        assertThatThrownBy(() -> Converted.of("ARG x=1\n")).hasMessage("dockerfile contains no stages to build");
    }
}
