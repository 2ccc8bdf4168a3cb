package dev.kiln.frontend.dockerfile.convert;

import dev.kiln.core.KilnException;
import dev.kiln.core.oci.ImageConfig;
import dev.kiln.core.platform.Platform;
import dev.kiln.graph.Node;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConverterTest {
    private static final String APP = """
            FROM busybox AS build
            ARG VERSION=1
            WORKDIR /src
            COPY . .
            RUN make VERSION=$VERSION
            FROM scratch
            COPY --from=build /src/out /app
            ENTRYPOINT ["/app"]
            """;

    @Test
    void sameDockerfileAndArgsGiveSameDigests() {
        List<String> first = Converted.of(APP).nodes().stream().map(n -> n.digest().toString()).toList();
        List<String> second = Converted.of(APP).nodes().stream().map(n -> n.digest().toString()).toList();
        assertThat(first).isEqualTo(second).hasSize(6);
    }

    @Test
    void aBuildArgChangesOnlyTheStepsThatSeeIt() {
        List<Node> base = Converted.of(APP).nodes();
        List<Node> changed = Converted.of(APP, b -> b.buildArgs(Map.of("VERSION", "2"))).nodes();
        assertThat(changed.get(0).digest()).isEqualTo(base.get(0).digest());
        assertThat(changed.getLast().digest()).isNotEqualTo(base.getLast().digest());
    }

    @Test
    void stagesTheTargetDoesNotNeedAreLeftOut() {
        Converted c = Converted.of("""
                FROM busybox AS unused
                RUN exit 1
                COPY --chmod=9999 a b
                FROM busybox AS used
                RUN echo used
                """);
        assertThat(c.execs()).hasSize(1);
        assertThat(c.exec(0).meta().args()).containsExactly("/bin/sh", "-c", "echo used");
    }

    @Test
    void targetSelectsAStageAndUnknownTargetsSuggestANames() {
        Converted c = Converted.of(APP, b -> b.target("BUILD"));
        assertThat(c.execs()).hasSize(1);
        assertThatThrownBy(() -> Converted.of(APP, b -> b.target("buidl")))
                .hasMessage("target stage \"buidl\" could not be found (did you mean build?)");
    }

    @Test
    void argsAreScopedToTheirStageAndEnterRunEnvironmentButNotTheImage() {
        Converted c = Converted.of("""
                ARG GLOBAL=g
                FROM busybox AS one
                ARG LOCAL=l
                FROM busybox
                ARG GLOBAL
                RUN echo $GLOBAL $LOCAL
                """);
        List<String> env = c.execs().getFirst().meta().env();
        assertThat(env).contains("GLOBAL=g").noneMatch(e -> e.startsWith("LOCAL="));
        assertThat(c.image().config().env()).noneMatch(e -> e.startsWith("GLOBAL="));
        assertThat(c.history()).endsWith("ARG GLOBAL=g", "RUN |1 GLOBAL=g /bin/sh -c echo $GLOBAL $LOCAL # buildkit");
    }

    @Test
    void historyTextsAreBuildkits() {
        Converted c = Converted.of("""
                FROM busybox
                LABEL a=1 b="two"
                ENV PATH=/x:$PATH K=v
                WORKDIR /app
                WORKDIR /
                COPY --chown=app:staff --chmod=0755 a b ./
                ADD x.tar /opt/
                RUN echo hi
                RUN ["ls", "-l"]
                USER app
                EXPOSE 80 53/udp
                VOLUME /data
                STOPSIGNAL SIGTERM
                SHELL ["/bin/bash", "-c"]
                CMD echo hello
                MAINTAINER me
                HEALTHCHECK --interval=5s CMD true
                ONBUILD RUN echo later
                """);
        assertThat(c.history()).containsExactly(
                "/bin/sh -c #(nop) ADD file:... in /",
                "LABEL a=1 b=two",
                "ENV PATH=/x:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin K=v",
                "WORKDIR /app",
                "WORKDIR /",
                "COPY --chown=app:staff --chmod=0755 a b ./ # buildkit",
                "ADD x.tar /opt/ # buildkit",
                "RUN /bin/sh -c echo hi # buildkit",
                "RUN ls -l # buildkit",
                "USER app",
                "EXPOSE [53/udp 80/tcp]",
                "VOLUME [/data]",
                "STOPSIGNAL SIGTERM",
                "SHELL [/bin/bash -c]",
                "CMD [\"/bin/bash\" \"-c\" \"echo hello\"]",
                "MAINTAINER me",
                "HEALTHCHECK {Test:[CMD-SHELL true] Interval:5s Timeout:0s StartPeriod:0s StartInterval:0s Retries:0}");
        List<ImageConfig.History> h = c.image().history();
        assertThat(h.get(1).emptyLayer()).isTrue();
        assertThat(h.get(3).emptyLayer()).isFalse();
        assertThat(h.get(4).emptyLayer()).isTrue();
        assertThat(h.get(7).emptyLayer()).isFalse();
        assertThat(h.get(1).comment()).isEqualTo("buildkit.dockerfile.v0");
        assertThat(c.image().config().onBuild()).containsExactly("RUN echo later");
        assertThat(c.image().config().exposedPorts()).containsOnlyKeys("80/tcp", "53/udp");
        assertThat(c.image().author()).isEqualTo("me");
    }

    @Test
    void entrypointResetsAnInheritedCmdButNotOneFromTheSameStage() {
        Converted inherited = Converted.of("FROM busybox\nENTRYPOINT [\"/init\"]\n");
        assertThat(inherited.image().config().cmd()).isNull();
        assertThat(inherited.image().config().entrypoint()).containsExactly("/init");
        Converted same = Converted.of("FROM busybox\nCMD [\"run\"]\nENTRYPOINT /init\n");
        assertThat(same.image().config().cmd()).containsExactly("run");
        assertThat(same.image().config().entrypoint()).containsExactly("/bin/sh", "-c", "/init");
        assertThat(Converted.of("FROM busybox\n").image().config().cmd()).containsExactly("sh");
    }

    @Test
    void copyResolvesDestinationsAndSourcesLikeDocker() {
        Converted c = Converted.of("""
                FROM scratch
                COPY x /app
                FROM scratch
                WORKDIR /app
                COPY a.txt ./
                COPY b.txt rel
                COPY dir/ /abs/
                COPY --from=0 /app /copy
                """);
        List<dev.kiln.graph.FileAction.Copy> copies = c.fileActions().stream()
                .filter(a -> a instanceof dev.kiln.graph.FileAction.Copy).map(a -> (dev.kiln.graph.FileAction.Copy) a)
                .toList();
        assertThat(copies).extracting(dev.kiln.graph.FileAction.Copy::src).containsExactly("/a.txt", "/b.txt", "/dir",
                "/x", "/app");
        assertThat(copies).extracting(dev.kiln.graph.FileAction.Copy::dest).containsExactly("/app/", "/app/rel",
                "/abs/", "/app", "/copy");
        assertThat(copies.getFirst().dirCopyContents()).isTrue();
        assertThat(copies.getFirst().followSymlink()).isTrue();
        assertThat(copies.getFirst().allowWildcard()).isTrue();
        assertThat(copies.getFirst().createDestPath()).isTrue();
    }

    @Test
    void addUnpacksLocalArchivesButRefusesUrlsAndGitForNow() {
        Converted c = Converted.of("FROM scratch\nADD a.tar.gz /\nADD --unpack=false b.tar /\n");
        assertThat(c.fileActions()).extracting(a -> ((dev.kiln.graph.FileAction.Copy) a).attemptUnpack())
                .containsExactly(true, false);
        assertThatThrownBy(() -> Converted.of("FROM scratch\nADD https://example.com/f /\n"))
                .isInstanceOf(KilnException.class).hasMessageContaining("ADD from a URL is not supported yet")
                .satisfies(e -> assertThat(((KilnException) e).location().orElseThrow().startLine()).isEqualTo(2));
        assertThatThrownBy(() -> Converted.of("FROM scratch\nADD git@github.com:moby/buildkit.git /\n"))
                .hasMessageContaining("ADD from a git repository is not supported yet");
        assertThatThrownBy(() -> Converted.of("FROM scratch\nCOPY --link a /\n"))
                .hasMessage("COPY --link is not supported yet");
    }

    @Test
    void contextSourceCarriesIgnorePatternsAndTheUsedPaths() {
        Converted c = Converted.of("FROM scratch\nCOPY a /\nCOPY b/c /\n",
                b -> b.context("context", List.of("*.log", "!keep.log")));
        dev.kiln.graph.SourceOp ctx = c.nodes().stream().map(Node::op)
                .filter(o -> o instanceof dev.kiln.graph.SourceOp s && s.isLocal())
                .map(o -> (dev.kiln.graph.SourceOp) o).findFirst().orElseThrow();
        assertThat(ctx.identifier()).isEqualTo("local://context");
        assertThat(ctx.attrs()).containsEntry("local.excludepatterns", "[\"*.log\",\"!keep.log\"]")
                .containsEntry("local.followpaths", "[\"a\",\"b/c\"]")
                .containsEntry("local.sharedkeyhint", "context");
        assertThat(c.nodes().stream().filter(n -> n.op() instanceof dev.kiln.graph.SourceOp)).hasSize(1);
    }

    @Test
    void baseImagesArePinnedAndNamedAsSteps() {
        Converted c = Converted.of(APP);
        assertThat(c.sources()).contains("docker-image://docker.io/library/busybox:latest@" + StubImages.DIGEST);
        assertThat(c.names()).contains("[build 1/4] FROM docker.io/library/busybox:latest@" + StubImages.DIGEST,
                "[build 2/4] WORKDIR /src", "[build 4/4] RUN make VERSION=1", "[stage-1 1/1] COPY --from=build /src/out /app");
        assertThat(Converted.of(APP, b -> b.target("build")).history().getFirst())
                .isEqualTo("/bin/sh -c #(nop) ADD file:... in /");
    }

    @Test
    void scratchImageGetsPathWorkdirAndTargetPlatform() {
        Converted c = Converted.of("FROM scratch\nENV foo=bar\n",
                b -> b.targetPlatform(Platform.parse("linux/arm64")));
        assertThat(c.result().graph().result()).isNull();
        assertThat(c.image().os()).isEqualTo("linux");
        assertThat(c.image().architecture()).isEqualTo("arm64");
        assertThat(c.image().config().workingDir()).isEqualTo("/");
        assertThat(c.image().config().env()).containsExactly(
                "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "foo=bar");
        assertThat(c.history()).containsExactly("ENV foo=bar");
    }

    @Test
    void platformArgumentsFollowTheTargetPlatform() {
        Converted c = Converted.of("""
                FROM --platform=$BUILDPLATFORM busybox
                ARG TARGETPLATFORM TARGETARCH BUILDARCH
                RUN echo $TARGETPLATFORM
                """, b -> b.targetPlatform(Platform.parse("linux/arm64")).buildPlatform(Platform.parse("linux/amd64")));
        assertThat(c.exec(0).meta().env()).contains("TARGETPLATFORM=linux/arm64", "TARGETARCH=arm64", "BUILDARCH=amd64");
        assertThat(c.nodes().getFirst().platform()).isEqualTo("linux/amd64");
    }

    @Test
    void theBenchmarkDockerfileConverts() {
        String dockerfile = dev.kiln.frontend.dockerfile.convert.bench.GeneratedDockerfile.of(1_000);
        Converted c = Converted.of(dockerfile, b -> b.resolver(new OfflineImageResolver()));
        assertThat(dockerfile.lines().filter(l -> l.startsWith("FROM "))).hasSize(20);
        assertThat(c.names().getLast()).startsWith("[s19 ");
        assertThat(c.execs()).hasSizeGreaterThan(250);
    }
}
