package dev.kiln.worker.file;

import dev.kiln.worker.sys.LinuxFiles;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static dev.kiln.worker.file.Copies.copy;
import static dev.kiln.worker.fstest.FsTree.file;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code COPY --include / --exclude} (fsutil copier semantics). */
class CopyPatternsTest extends FileActionFixture {
    @BeforeEach
    void writeContext() throws Exception {
        file(ctx, "src/main.go", "m");
        file(ctx, "src/README.md", "r");
        file(ctx, "src/docs/guide.md", "g");
        file(ctx, "src/docs/img/logo.png", "l");
        file(ctx, "src/node_modules/x/index.js", "x");
        file(ctx, "src/a/b/c", "c");
        file(ctx, "src/a/d/e", "e");
    }

    List<String> copied() throws Exception {
        Path app = base.resolve("app");
        try (Stream<Path> s = Files.walk(app)) {
            return s.filter(p -> !p.equals(app)).map(p -> app.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void exclude_dropsMatchingFilesAndWholeDirectories() throws Exception {
        run(copy("/src", "/app").exclude("*.md", "node_modules"));
        assertThat(copied()).containsExactly("a", "a/b", "a/b/c", "a/d", "a/d/e", "docs", "docs/guide.md", "docs/img",
                "docs/img/logo.png", "main.go");
    }

    @Test
    void exclude_withReinclusion_keepsTheReincludedFileAndItsParents() throws Exception {
        run(copy("/src", "/app").exclude("docs", "!docs/img/logo.png"));
        assertThat(copied()).contains("docs", "docs/img", "docs/img/logo.png").doesNotContain("docs/guide.md");
    }

    @Test
    void include_createsOnlyDirectoriesLeadingToMatches() throws Exception {
        run(copy("/src", "/app").include("a/*/c", "*.go"));
        assertThat(copied()).containsExactly("a", "a/b", "a/b/c", "main.go");
    }

    @Test
    void includeOfADirectory_takesItWhole() throws Exception {
        run(copy("/src", "/app").include("docs"));
        assertThat(copied()).containsExactly("docs", "docs/guide.md", "docs/img", "docs/img/logo.png");
    }

    @Test
    void includeAndExclude_excludeWins() throws Exception {
        run(copy("/src", "/app").include("docs").exclude("**/*.png"));
        assertThat(copied()).containsExactly("docs", "docs/guide.md", "docs/img");
    }

    @Test
    void createdParents_copyTheSourceDirectoryMetadata() throws Exception {
        Files.setPosixFilePermissions(ctx.resolve("src/a"), java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        run(copy("/src", "/app").include("a/b/c"));
        assertThat(LinuxFiles.lstat(base.resolve("app/a")).permissions()).isEqualTo(0700);
    }
}
