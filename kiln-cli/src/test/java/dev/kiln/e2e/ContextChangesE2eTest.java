package dev.kiln.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

/**
 * Real builds of one context edited between them, deep in its tree: a rebuild reuses the checksums of unchanged
 * directories, so every kind of edit must still reach the image, and only a real change may miss the cache.
 */
class ContextChangesE2eTest {
    @RegisterExtension
    static final KilnEnv kiln = new KilnEnv();

    private Path out;

    /** Builds into a new directory ({@link #out}); returns what the COPY step did. */
    private String build(Path ctx) {
        out = kiln.scratch("out");
        return kiln.build("-o", "type=local,dest=" + out, ctx.toString()).step("COPY . /ctx").state();
    }

    @Test
    void editsDeepInTheContext_reachTheImage_andOnlyRealChangesMissTheCache() throws Exception {
        Path ctx = kiln.scratch("ctx");
        KilnEnv.write(ctx.resolve("Dockerfile"), "FROM " + Registry.busybox() + "\nCOPY . /ctx\n");
        KilnEnv.write(ctx.resolve("a/b/c/deep.txt"), "one");
        KilnEnv.write(ctx.resolve("a/side.txt"), "side");
        KilnEnv.write(ctx.resolve("z/other.txt"), "other");
        assertThat(build(ctx)).isEqualTo("DONE");
        assertThat(build(ctx)).isEqualTo("CACHED");

        Files.writeString(ctx.resolve("a/b/c/deep.txt"), "two"); // same size, in place
        Files.setLastModifiedTime(ctx.resolve("a/b/c/deep.txt"), FileTime.from(Instant.now().plusSeconds(30)));
        assertThat(build(ctx)).isEqualTo("DONE");
        assertThat(out.resolve("ctx/a/b/c/deep.txt")).hasContent("two");

        Files.setLastModifiedTime(ctx.resolve("z/other.txt"), FileTime.from(Instant.now().plusSeconds(60)));
        assertThat(build(ctx)).as("touched only").isEqualTo("CACHED");

        KilnEnv.write(ctx.resolve("a/b/new.txt"), "new");
        assertThat(build(ctx)).isEqualTo("DONE");
        assertThat(out.resolve("ctx/a/b/new.txt")).hasContent("new");

        Files.delete(ctx.resolve("a/b/c/deep.txt"));
        assertThat(build(ctx)).isEqualTo("DONE");
        assertThat(out.resolve("ctx/a/b/c/deep.txt")).doesNotExist();
        assertThat(out.resolve("ctx/z/other.txt")).hasContent("other");
    }
}
