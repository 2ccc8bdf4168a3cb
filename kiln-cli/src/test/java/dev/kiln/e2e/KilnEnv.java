package dev.kiln.e2e;

import dev.kiln.cli.CliRun;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A fresh Kiln state root and scratch space for one test class, and the {@code kiln} CLI run against it.
 * After the class nothing may remain mounted below it (a leak fails the class, then is detached so the
 * directory can go).
 */
final class KilnEnv implements BeforeAllCallback, AfterAllCallback {
    private Path dir;
    private int scratchCount;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        assumeTrue("root".equals(System.getProperty("user.name")), "end-to-end builds need root (runc, overlayfs)");
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/runc")) || Files.isExecutable(Path.of("/usr/bin/runc")),
                "runc is not installed: run bin/setup");
        dir = Files.createTempDirectory("kiln-e2e-" + context.getRequiredTestClass().getSimpleName() + "-");
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (dir == null) {
            return;
        }
        List<Path> left = Mounts.under(dir);
        Mounts.detachAll(dir);
        deleteTree(dir);
        assertThat(left).as("mounts left below the state root after the tests").isEmpty();
    }

    Path root() {
        return dir.resolve("root");
    }

    /** A new empty directory for one test's context or outputs. */
    synchronized Path scratch(String name) {
        try {
            return Files.createDirectories(dir.resolve(name + "-" + ++scratchCount));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code kiln SUBCOMMAND --root ROOT ARGS...}, in-process; builds show plain progress unless told otherwise. */
    CliRun run(String subcommand, String... args) {
        return runWithStdin(new byte[0], subcommand, args);
    }

    CliRun runWithStdin(byte[] stdin, String subcommand, String... args) {
        List<String> all = new ArrayList<>(List.of(subcommand, "--root", root().toString()));
        if (subcommand.equals("build") && Arrays.stream(args).noneMatch(a -> a.startsWith("--progress"))) {
            all.addAll(List.of("--progress", "plain"));
        }
        all.addAll(List.of(args));
        return CliRun.of(stdin, all.toArray(String[]::new));
    }

    /** {@code kiln build ARGS...} that must succeed; its progress output. */
    PlainLog build(String... args) {
        return buildWithStdin(new byte[0], args);
    }

    PlainLog buildWithStdin(byte[] stdin, String... args) {
        CliRun r = runWithStdin(stdin, "build", args);
        assertThat(r.exitCode()).as("kiln build %s failed:%n%s", String.join(" ", args), r.err()).isZero();
        return new PlainLog(r.err());
    }

    /** A child JVM running {@code kiln build ARGS...} against this root, for tests that kill it. */
    KilnProcess start(String... args) {
        List<String> all = new ArrayList<>(List.of("build", "--root", root().toString(), "--progress", "plain"));
        all.addAll(List.of(args));
        return KilnProcess.start(scratch("child"), all);
    }

    static Path write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path top) throws IOException {
        try (Stream<Path> all = Files.walk(top)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
