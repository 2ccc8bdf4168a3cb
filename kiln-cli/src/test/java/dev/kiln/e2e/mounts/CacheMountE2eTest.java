package dev.kiln.e2e.mounts;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import static dev.kiln.e2e.mounts.Kiln.BUSYBOX;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code RUN --mount=type=cache} through real builds: runc, overlayfs, the cache directories on disk. */
class CacheMountE2eTest extends MountsE2eBase {

    private static Path context(String name, String dockerfile) {
        return Kiln.context(dir.resolve(name), Map.of("Dockerfile", dockerfile));
    }

    @Test
    void contentPersistsAcrossBuilds_andNeverEntersTheImage() {
        Path ctx = context("persist", """
                FROM %s
                ARG RUNID
                RUN --mount=type=cache,target=/var/cache/app echo "$RUNID" >> /var/cache/app/runs && cat /var/cache/app/runs
                """.formatted(BUSYBOX));

        kiln.build(ctx, "--build-arg", "RUNID=first").ok();
        Path out = dir.resolve("persist.tar");
        Kiln.Run second = kiln.build(ctx, "--build-arg", "RUNID=second", "-o", "type=tar,dest=" + out).ok();

        assertThat(second.stepOutput()).containsSubsequence("first", "second");
        assertThat(Tar.entries(out)).contains("bin/sh").noneMatch(e -> e.startsWith("var/cache"));
    }

    @Test
    void id_sharesOneDirectoryBetweenTargets_andDefaultsToTheTarget() {
        Path ctx = context("ids", """
                FROM %s
                RUN --mount=type=cache,id=shared,target=/a echo via-shared > /a/f
                RUN --mount=type=cache,id=shared,target=/b cat /b/f
                RUN --mount=type=cache,target=/a echo via-default > /a/g; ls /a
                RUN --mount=type=cache,id=/a,target=/other cat /other/g
                """.formatted(BUSYBOX));

        Kiln.Run r = kiln.build(ctx).ok();

        assertThat(r.stepOutput()).containsSubsequence("via-shared", "g", "via-default");
        assertThat(r.stepOutput()).doesNotContain("f");
    }

    @Test
    void idAndSharing_areNotPartOfTheCacheKey_norIsTheContent() {
        Path first = context("key1", """
                FROM %s
                RUN --mount=type=cache,id=one,target=/c,sharing=shared echo ran; date >> /c/log
                """.formatted(BUSYBOX));
        Path renamed = context("key2", """
                FROM %s
                RUN --mount=type=cache,id=two,target=/c,sharing=locked echo ran; date >> /c/log
                """.formatted(BUSYBOX));

        assertThat(kiln.build(first).ok().stepOutput()).contains("ran");
        Kiln.Run again = kiln.build(renamed).ok();

        assertThat(again.stepOutput()).doesNotContain("ran");
        assertThat(again.err()).contains("CACHED");
    }

    @Test
    void fromStageAndSource_seedTheDirectoryWhenItIsCreated() {
        Path ctx = context("seed", """
                FROM %1$s AS seed
                RUN mkdir -p /s/sub && echo seeded > /s/sub/file && chmod 0700 /s/sub && chown 7:8 /s/sub
                FROM %1$s
                ARG RUNID
                RUN --mount=type=cache,from=seed,source=/s/sub,target=/c stat -c 'perm %%a %%u %%g' /c && echo "$RUNID" >> /c/file && cat /c/file
                """.formatted(BUSYBOX));

        kiln.build(ctx, "--build-arg", "RUNID=one").ok();
        Kiln.Run second = kiln.build(ctx, "--build-arg", "RUNID=two").ok();

        assertThat(second.stepOutput()).containsSubsequence("perm 700 7 8", "seeded", "one", "two");
    }

    @Test
    void modeUidGid_setTheNewDirectory() {
        Path ctx = context("perm", """
                FROM %s
                RUN --mount=type=cache,target=/c,uid=1234,gid=99,mode=0710 stat -c 'perm %%a %%u %%g' /c
                """.formatted(BUSYBOX));

        assertThat(kiln.build(ctx).ok().stepOutput()).contains("perm 710 1234 99");
    }

    @Test
    void readonly_refusesWrites() {
        Path ctx = context("ro", """
                FROM %s
                RUN --mount=type=cache,target=/c,ro touch /c/x 2>&1 || echo refused
                """.formatted(BUSYBOX));

        assertThat(kiln.build(ctx).ok().stepOutput()).anyMatch(l -> l.contains("Read-only file system"))
                .contains("refused");
    }

    @Test
    void buildkitCacheMountNs_separatesCaches() {
        Path ctx = context("ns", """
                FROM %s
                ARG RUNID
                RUN --mount=type=cache,target=/c echo "$RUNID" >> /c/log; cat /c/log
                """.formatted(BUSYBOX));

        kiln.build(ctx, "--build-arg", "BUILDKIT_CACHE_MOUNT_NS=a", "--build-arg", "RUNID=in-a").ok();
        Kiln.Run inB = kiln.build(ctx, "--build-arg", "BUILDKIT_CACHE_MOUNT_NS=b", "--build-arg", "RUNID=in-b").ok();
        Kiln.Run inA = kiln.build(ctx, "--build-arg", "BUILDKIT_CACHE_MOUNT_NS=a", "--build-arg", "RUNID=a-again").ok();

        assertThat(inB.stepOutput()).contains("in-b").doesNotContain("in-a");
        assertThat(inA.stepOutput()).containsSubsequence("in-a", "a-again");
    }

    @Test
    void du_listsCacheMounts_andPruneRemovesThemOnly() throws IOException {
        Kiln own = new Kiln(dir.resolve("du-root"));
        Path ctx = context("du", """
                FROM %s
                ARG RUNID
                RUN --mount=type=cache,id=dutest,target=/c head -c 300000 /dev/zero > /c/blob; echo "$RUNID" >> /c/log; cat /c/log
                """.formatted(BUSYBOX));
        own.build(ctx, "--build-arg", "RUNID=before").ok();

        String du = own.command("du", "--filter", "type=exec.cachemount", "--verbose").ok().out();
        assertThat(du).contains("Type:\t\texec.cachemount", "cached mount with id \"/dutest\"").containsPattern("Size:\t\t3[0-9][0-9]\\.[0-9]+kB");
        assertThat(own.command("du").ok().out()).contains("exec.cachemount", "regular");

        String pruned = own.command("prune", "-f", "--verbose", "--filter", "type=exec.cachemount").ok().out();
        assertThat(pruned).contains("exec.cachemount").doesNotContain("regular");
        assertThat(own.command("du", "--filter", "type=exec.cachemount").ok().out()).contains("Total:\t\t0B");
        assertThat(own.command("du", "--filter", "type=regular").ok().out()).doesNotContain("Total:\t\t0B");

        Kiln.Run after = own.build(ctx, "--build-arg", "RUNID=after").ok();
        assertThat(after.stepOutput()).contains("after").doesNotContain("before");
        own.assertNothingMounted();
    }

    @Test
    void pruneAll_emptiesTheBuildCache_andTheNextBuildRunsAgain() throws IOException {
        Kiln own = new Kiln(dir.resolve("prune-root"));
        Path ctx = context("prune", """
                FROM %s
                RUN echo step-ran
                """.formatted(BUSYBOX));
        own.build(ctx).ok();
        assertThat(own.build(ctx).ok().stepOutput()).doesNotContain("step-ran");

        own.command("prune", "-f").ok();
        String afterPrune = own.command("du").ok().out();
        assertThat(afterPrune).contains("layer-");
        assertThat(afterPrune.lines()).noneMatch(l -> l.startsWith("r-"));
        own.command("prune", "-f", "--all").ok();

        assertThat(own.command("du").ok().out()).contains("Total:\t\t0B");
        assertThat(own.build(ctx).ok().stepOutput()).contains("step-ran");
    }
}
