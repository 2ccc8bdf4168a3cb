package dev.kiln.worker.ops;

import dev.kiln.core.pattern.PatternMatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ContextMirrorTest {
    @TempDir
    Path tmp;

    private Path context() throws Exception {
        Path ctx = Files.createDirectories(tmp.resolve("ctx"));
        Files.writeString(ctx.resolve("app.txt"), "app");
        Files.createDirectories(ctx.resolve("secret"));
        Files.writeString(ctx.resolve("secret/key"), "k");
        Files.createDirectories(ctx.resolve("logs"));
        Files.writeString(ctx.resolve("logs/a.log"), "a");
        Files.writeString(ctx.resolve("logs/keep.log"), "keep");
        Files.createSymbolicLink(ctx.resolve("link"), Path.of("/etc/passwd"));
        return ctx;
    }

    private ContextMirror.Stats sync(Path ctx, List<String> excludes, Path mirror) throws Exception {
        return ContextMirror.sync(ctx, PatternMatcher.compile(excludes), mirror, tmp.resolve("state"));
    }

    @Test
    void stateRootInsideTheContext_isNeverCopied() throws Exception {
        Path ctx = context();
        Path state = Files.createDirectories(ctx.resolve(".kiln/worker/contexts"));
        Files.writeString(state.resolve("blob"), "state");
        Path mirror = state.resolve("m1");
        ContextMirror.sync(ctx, PatternMatcher.compile(List.of()), mirror, ctx.resolve(".kiln"));
        assertThat(mirror.resolve("app.txt")).hasContent("app");
        assertThat(mirror.resolve(".kiln")).doesNotExist();
    }

    @Test
    void sync_leavesOutExcludedPaths_keepsExceptionsAndLinks() throws Exception {
        Path ctx = context();
        Path mirror = tmp.resolve("mirror");
        sync(ctx, List.of("secret", "logs/*.log", "!logs/keep.log"), mirror);
        assertThat(mirror.resolve("app.txt")).hasContent("app");
        assertThat(mirror.resolve("secret")).doesNotExist();
        assertThat(mirror.resolve("logs/a.log")).doesNotExist();
        assertThat(mirror.resolve("logs/keep.log")).hasContent("keep");
        assertThat(Files.readSymbolicLink(mirror.resolve("link"))).isEqualTo(Path.of("/etc/passwd"));
    }

    @Test
    void resync_copiesOnlyChangedFiles_andDeletesRemovedOnes() throws Exception {
        Path ctx = context();
        Path mirror = tmp.resolve("mirror");
        ContextMirror.Stats first = sync(ctx, List.of(), mirror);
        assertThat(first.bytesCopied()).isEqualTo("app".length() + "k".length() + "a".length() + "keep".length());

        Object linkInode = Files.readAttributes(mirror.resolve("link"), BasicFileAttributes.class,
                LinkOption.NOFOLLOW_LINKS).fileKey();

        Files.writeString(ctx.resolve("app.txt"), "app2");
        Files.delete(ctx.resolve("logs/a.log"));
        ContextMirror.Stats second = sync(ctx, List.of(), mirror);
        assertThat(second.bytesCopied()).isEqualTo("app2".length());
        assertThat(Files.readAttributes(mirror.resolve("link"), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                .fileKey()).as("an unchanged symlink is left in place").isEqualTo(linkInode);
        assertThat(mirror.resolve("app.txt")).hasContent("app2");
        assertThat(mirror.resolve("logs/a.log")).doesNotExist();
        assertThat(sync(ctx, List.of(), mirror).bytesCopied()).isZero();
    }

    @Test
    void sync_preservesModeAndMtime_andCopiesAgainWhenOnlyTheModeChanges() throws Exception {
        Path ctx = context();
        Path mirror = tmp.resolve("mirror");
        Path app = ctx.resolve("app.txt");
        Files.setPosixFilePermissions(app, PosixFilePermissions.fromString("rwxr-x---"));
        FileTime when = FileTime.from(Instant.parse("2020-01-02T03:04:05Z"));
        Files.setLastModifiedTime(app, when);
        sync(ctx, List.of(), mirror);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(mirror.resolve("app.txt"))))
                .isEqualTo("rwxr-x---");
        assertThat(Files.getLastModifiedTime(mirror.resolve("app.txt"))).isEqualTo(when);

        Files.setPosixFilePermissions(app, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(sync(ctx, List.of(), mirror).bytesCopied()).isEqualTo(3);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(mirror.resolve("app.txt"))))
                .isEqualTo("rw-r--r--");
    }
}
