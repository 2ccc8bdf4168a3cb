package dev.kiln.e2e.mounts;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static dev.kiln.e2e.mounts.Kiln.BUSYBOX;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code RUN --mount=type=bind} and {@code type=tmpfs} through real builds. */
class BindTmpfsE2eTest extends MountsE2eBase {

    @Test
    void bind_defaultsToTheContext_readOnly_andLeavesNothingInTheImage() {
        Path ctx = Kiln.context(dir.resolve("ctx-default"), Map.of("hello.txt", "hello from the context\n",
                "Dockerfile", """
                        FROM %s
                        RUN --mount=type=bind,target=/src cat /src/hello.txt; touch /src/new 2>&1 || echo refused
                        """.formatted(BUSYBOX)));
        Path out = dir.resolve("default.tar");

        Kiln.Run r = kiln.build(ctx, "-o", "type=tar,dest=" + out).ok();

        assertThat(r.stepOutput()).contains("hello from the context", "refused")
                .anyMatch(l -> l.contains("Read-only file system"));
        assertThat(Tar.entries(out)).contains("bin/sh").noneMatch(e -> e.startsWith("src"));
    }

    @Test
    void bind_sourceSelectsASubdirectory_orAFile() {
        Path ctx = Kiln.context(dir.resolve("ctx-source"), Map.of("sub/inner.txt", "inner\n", "top.txt", "top\n",
                "Dockerfile", """
                        FROM %s
                        RUN --mount=type=bind,source=sub,target=/s --mount=type=bind,source=top.txt,target=/etc/top.txt \\
                            ls /s && cat /etc/top.txt
                        """.formatted(BUSYBOX)));

        assertThat(kiln.build(ctx).ok().stepOutput()).containsExactly("inner.txt", "top");
    }

    @Test
    void bind_fromAStageAndFromAnImage() {
        Path ctx = Kiln.context(dir.resolve("ctx-from"), Map.of("Dockerfile", """
                FROM %1$s AS builder
                RUN mkdir /out && echo built-artifact > /out/artifact
                FROM %1$s
                RUN --mount=type=bind,from=builder,source=/out,target=/o \\
                    --mount=type=bind,from=%1$s,source=/bin,target=/imagebin \\
                    cat /o/artifact && test -f /imagebin/busybox && echo image-mounted
                """.formatted(BUSYBOX)));

        assertThat(kiln.build(ctx).ok().stepOutput()).containsExactly("built-artifact", "image-mounted");
    }

    @Test
    void bind_rw_writesAreDiscarded() throws IOException {
        Path ctx = Kiln.context(dir.resolve("ctx-rw"), Map.of("keep.txt", "original\n", "Dockerfile", """
                FROM %1$s AS stage
                RUN mkdir /data && echo stage-file > /data/f
                FROM %1$s
                RUN --mount=type=bind,target=/src,rw --mount=type=bind,from=stage,source=/data,target=/d,rw \\
                    echo changed > /src/keep.txt && touch /src/new /d/new && rm /d/f && echo wrote
                RUN --mount=type=bind,target=/src --mount=type=bind,from=stage,source=/data,target=/d \\
                    cat /src/keep.txt /d/f; ls /src /d
                """.formatted(BUSYBOX)));

        Kiln.Run r = kiln.build(ctx).ok();

        assertThat(r.stepOutput()).containsSubsequence("wrote", "original", "stage-file")
                .doesNotContain("new", "changed");
        assertThat(Files.readString(ctx.resolve("keep.txt"))).isEqualTo("original\n");
        assertThat(ctx.resolve("new")).doesNotExist();
    }

    @Test
    void bind_isCachedByTheContentOfWhatItSelects() throws IOException {
        Path ctx = Kiln.context(dir.resolve("ctx-key"), Map.of("sel/a.txt", "v1\n", "other.txt", "x\n",
                "Dockerfile", """
                        FROM %s
                        RUN --mount=type=bind,source=sel,target=/s cat /s/a.txt
                        """.formatted(BUSYBOX)));
        assertThat(kiln.build(ctx).ok().stepOutput()).contains("v1");

        Files.writeString(ctx.resolve("other.txt"), "changed, but not selected\n");
        assertThat(kiln.build(ctx).ok().stepOutput()).isEmpty();

        Files.writeString(ctx.resolve("sel/a.txt"), "v2\n");
        assertThat(kiln.build(ctx).ok().stepOutput()).contains("v2");
    }

    @Test
    void bind_missingSource_failsNamingTheLine() {
        Path ctx = Kiln.context(dir.resolve("ctx-missing"), Map.of("Dockerfile", """
                FROM %s
                RUN --mount=type=bind,source=nope,target=/n ls /n
                """.formatted(BUSYBOX)));

        assertThat(kiln.build(ctx).failed().errorLine()).startsWith("ERROR: Dockerfile:2: ").contains("\"/nope\"", "not found");
    }

    @Test
    void tmpfs_hasItsSize_andNothingOfItReachesTheImage() {
        Path ctx = Kiln.context(dir.resolve("ctx-tmpfs"), Map.of("Dockerfile", """
                FROM %s
                RUN --mount=type=tmpfs,target=/scratch,size=2m echo data > /scratch/f && df -k /scratch | tail -n 1 \\
                    && grep ' /scratch ' /proc/mounts | cut -d' ' -f3
                """.formatted(BUSYBOX)));
        Path out = dir.resolve("tmpfs.tar");

        Kiln.Run r = kiln.build(ctx, "-o", "type=tar,dest=" + out).ok();

        assertThat(r.stepOutput()).anyMatch(l -> l.matches("tmpfs\\s+2048\\s.*")).contains("tmpfs");
        assertThat(Tar.entries(out)).noneMatch(e -> e.startsWith("scratch"));
    }
}
