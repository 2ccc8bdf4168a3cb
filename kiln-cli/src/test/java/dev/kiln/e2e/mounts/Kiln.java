package dev.kiln.e2e.mounts;

import dev.kiln.cli.CliRun;
import dev.kiln.e2e.Registry;
import dev.kiln.worker.sys.MountTable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code kiln} against one state root: in-process (output captured), or as a child JVM on the test class
 * path when a test needs its own environment variables or two builds at once.
 */
final class Kiln {
    static final String REGISTRY = "127.0.0.1:5000";
    static final String BUSYBOX = REGISTRY + "/library/busybox:latest";
    static final String DEBIAN = REGISTRY + "/library/debian:bookworm-slim";

    final Path root;

    Kiln(Path root) {
        this.root = root;
    }

    /** What end-to-end builds need here: root (runc, overlayfs, mounts), runc and the local registry. */
    static void assumeBuildsCanRun() {
        assumeTrue("root".equals(System.getProperty("user.name")), "end-to-end builds need root");
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/runc")) || Files.isExecutable(Path.of("/usr/bin/runc")),
                "runc is not installed: run bin/setup");
        assumeTrue(hasImage("library/busybox", "latest"), "no busybox at " + REGISTRY + ": run bin/setup");
    }

    static boolean hasImage(String repository, String tag) {
        return Registry.tagExists(REGISTRY + "/" + repository, tag);
    }

    /** {@code kiln build --root ROOT --progress=plain ARGS... CONTEXT}, in-process. */
    Run build(Path context, String... args) {
        List<String> all = new ArrayList<>(List.of("build", "--root", root.toString(), "--progress=plain"));
        all.addAll(List.of(args));
        all.add(context.toString());
        return run(all);
    }

    /** {@code kiln COMMAND --root ROOT ARGS...}, in-process. */
    Run command(String command, String... args) {
        List<String> all = new ArrayList<>(List.of(command, "--root", root.toString()));
        all.addAll(List.of(args));
        return run(all);
    }

    private static Run run(List<String> args) {
        CliRun r = CliRun.of("", args.toArray(String[]::new));
        return new Run(r.exitCode(), r.out(), r.err());
    }

    /**
     * {@code kiln build} in a child JVM, run in {@code workDir} with extra environment variables; its output
     * goes to files under {@code logs}.
     */
    Child start(Path logs, Path workDir, Map<String, String> env, Path context, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), "dev.kiln.cli.Main",
                "build", "--root", root.toString(), "--progress=plain"));
        command.addAll(List.of(args));
        command.add(context.toString());
        try {
            Files.createDirectories(logs);
            ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(logs.resolve("stdout").toFile())
                    .redirectError(logs.resolve("stderr").toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .directory(workDir.toFile());
            pb.environment().put("LC_ALL", "C.UTF-8");
            pb.environment().putAll(env);
            return new Child(pb.start(), logs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A build in a child JVM. */
    record Child(Process process, Path logs) {
        Run await() {
            try {
                if (!process.waitFor(180, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                    throw new AssertionError("kiln did not finish in 180 s:\n" + read("stderr"));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            return new Run(process.exitValue(), read("stdout"), read("stderr"));
        }

        private String read(String name) {
            try {
                return Files.readString(logs.resolve(name), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Nothing Kiln mounted may outlive its build (views, cache binds, secret tmpfs). */
    void assertNothingMounted() throws IOException {
        assertThat(MountTable.mountPointsUnder(root)).as("mounts left under %s", root).isEmpty();
    }

    /** Exit code and output of one kiln run. */
    record Run(int exit, String out, String err) {
        private static final Pattern LOG_LINE = Pattern.compile("#[0-9]+ [0-9]+\\.[0-9]+ (.*)");

        Run ok() {
            assertThat(exit).as("kiln failed:\n%s", err).isZero();
            return this;
        }

        Run failed() {
            assertThat(exit).as("kiln should have failed:\n%s", err).isNotZero();
            return this;
        }

        /** What the build's steps printed: the text of the plain progress lines {@code #N 1.234 text}. */
        List<String> stepOutput() {
            return err.lines().map(LOG_LINE::matcher).filter(Matcher::matches)
                    .map(m -> m.group(1)).toList();
        }

        /** The final {@code ERROR: ...} line. */
        String errorLine() {
            List<String> errors = err.lines().filter(l -> l.startsWith("ERROR: ")).toList();
            assertThat(errors).as("error lines in:\n%s", err).hasSize(1);
            return errors.getFirst();
        }
    }

    /** Writes a build context: file name to content. */
    static Path context(Path dir, Map<String, String> files) {
        try {
            Files.createDirectories(dir);
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path p = dir.resolve(f.getKey());
                Files.createDirectories(p.getParent());
                Files.writeString(p, f.getValue(), StandardCharsets.UTF_8);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
