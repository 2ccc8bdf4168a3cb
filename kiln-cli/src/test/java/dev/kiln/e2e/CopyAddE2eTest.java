package dev.kiln.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 3, part 7 and the COPY safety rules, end to end: one build with every COPY/ADD form, its rootfs
 * exported to a directory and read back.
 */
class CopyAddE2eTest {
    @RegisterExtension
    static final KilnEnv kiln = new KilnEnv();

    /** Content of a host file next to the context; a symlink in the context points at it. */
    private static final String HOST_SECRET = "host secret " + UUID.randomUUID();

    private static Path rootfs;

    @BeforeAll
    static void buildEveryCopyForm() throws IOException {
        Path scratch = kiln.scratch("copy");
        Path ctx = scratch.resolve("ctx");
        KilnEnv.write(scratch.resolve("outside.txt"), HOST_SECRET);
        KilnEnv.write(ctx.resolve("files/a.txt"), "a\n");
        KilnEnv.write(ctx.resolve("files/b.txt"), "b\n");
        KilnEnv.write(ctx.resolve("files/c.md"), "c\n");
        KilnEnv.write(ctx.resolve("dir/x.txt"), "x\n");
        KilnEnv.write(ctx.resolve("dir/nested/y.txt"), "y\n");
        KilnEnv.write(ctx.resolve("owned.txt"), "owned\n");
        KilnEnv.write(ctx.resolve("script.sh"), "#!/bin/sh\necho hi\n");
        KilnEnv.write(ctx.resolve("perm.txt"), "perm\n");
        KilnEnv.write(ctx.resolve("secret.txt"), "ignored\n");
        KilnEnv.write(ctx.resolve("debug.log"), "ignored\n");
        KilnEnv.write(ctx.resolve("sub/ignored/z.txt"), "ignored\n");
        KilnEnv.write(ctx.resolve("sub/kept.txt"), "kept\n");
        KilnEnv.write(ctx.resolve(".dockerignore"), "secret.txt\n*.log\nsub/ignored\narchive-src\n");
        Files.createSymbolicLink(ctx.resolve("link-out"), Path.of("../outside.txt"));
        Files.createSymbolicLink(ctx.resolve("link-abs"), scratch.resolve("outside.txt"));
        Path inner = KilnEnv.write(ctx.resolve("archive-src/inner/file.txt"), "from the archive\n");
        Files.setPosixFilePermissions(inner, PosixFilePermissions.fromString("rw-------"));
        Tool.ok("tar", "-czf", ctx.resolve("archive.tar.gz").toString(), "-C", ctx.resolve("archive-src").toString(),
                "inner");
        KilnEnv.write(ctx.resolve("Dockerfile"), """
                FROM %1$s AS stage
                RUN mkdir -p /made && echo from-stage > /made/s.txt \\
                 && echo 'stagemarker:x:4242:4242::/:/bin/false' >> /etc/passwd

                FROM %1$s
                RUN echo 'app:x:1234:2345::/home/app:/bin/sh' >> /etc/passwd && echo 'appgrp:x:2345:' >> /etc/group
                COPY files/*.txt /wild/
                COPY dir /dircontents/
                COPY --chown=app:appgrp owned.txt /owned/
                COPY --chmod=755 script.sh /usr/local/bin/script.sh
                COPY --chmod=u=rwx,g=rx,o= perm.txt /perm.txt
                COPY --from=stage /made/s.txt /fromstage/
                COPY --from=stage ../../etc/passwd /climb/passwd
                ADD archive.tar.gz /extracted/
                COPY . /ctx/
                """.formatted(Registry.busybox()));
        rootfs = scratch.resolve("rootfs");
        kiln.build("-o", "type=local,dest=" + rootfs, ctx.toString());
    }

    @Test
    void wildcard_copiesTheMatchingFilesOnly() throws IOException {
        assertThat(names(rootfs.resolve("wild"))).containsExactlyInAnyOrder("a.txt", "b.txt");
        assertThat(rootfs.resolve("wild/a.txt")).hasContent("a\n");
    }

    @Test
    void directorySource_copiesItsContents_notTheDirectory() throws IOException {
        assertThat(names(rootfs.resolve("dircontents"))).containsExactlyInAnyOrder("x.txt", "nested");
        assertThat(rootfs.resolve("dircontents/nested/y.txt")).hasContent("y\n");
    }

    @Test
    void chown_resolvesNamesInTheImagesPasswdAndGroup() throws IOException {
        Path owned = rootfs.resolve("owned/owned.txt");
        assertThat(owned).hasContent("owned\n");
        assertThat(Files.getAttribute(owned, "unix:uid")).isEqualTo(1234);
        assertThat(Files.getAttribute(owned, "unix:gid")).isEqualTo(2345);
    }

    @Test
    void chmod_octalAndSymbolic() throws IOException {
        assertThat(mode(rootfs.resolve("usr/local/bin/script.sh"))).isEqualTo("rwxr-xr-x");
        assertThat(mode(rootfs.resolve("perm.txt"))).isEqualTo("rwxr-x---");
    }

    @Test
    void copyFromStage_takesTheStagesFiles() {
        assertThat(rootfs.resolve("fromstage/s.txt")).hasContent("from-stage\n");
    }

    @Test
    void copyFromStage_withDotDot_staysInsideTheStage() throws IOException {
        String passwd = Files.readString(rootfs.resolve("climb/passwd"));
        assertThat(passwd).contains("stagemarker:x:4242").doesNotContain("app:x:1234");
        assertThat(passwd).isNotEqualTo(Files.readString(Path.of("/etc/passwd")));
    }

    @Test
    void addOfALocalTarGz_extractsIt_keepingModes() throws IOException {
        Path file = rootfs.resolve("extracted/inner/file.txt");
        assertThat(file).hasContent("from the archive\n");
        assertThat(mode(file)).isEqualTo("rw-------");
        assertThat(rootfs.resolve("extracted/archive.tar.gz")).doesNotExist();
    }

    @Test
    void dockerignore_keepsExcludedFilesOutOfTheImage() throws IOException {
        Path ctx = rootfs.resolve("ctx");
        assertThat(ctx.resolve("sub/kept.txt")).hasContent("kept\n");
        assertThat(ctx.resolve("files/c.md")).exists();
        assertThat(ctx.resolve("secret.txt")).doesNotExist();
        assertThat(ctx.resolve("debug.log")).doesNotExist();
        assertThat(ctx.resolve("sub/ignored")).doesNotExist();
        assertThat(ctx.resolve("archive-src")).doesNotExist();
    }

    @Test
    void contextSymlinksPointingOutside_areCopiedAsLinks_neverFollowed() throws IOException {
        Path ctx = rootfs.resolve("ctx");
        assertThat(Files.isSymbolicLink(ctx.resolve("link-out"))).isTrue();
        assertThat(Files.readSymbolicLink(ctx.resolve("link-out"))).isEqualTo(Path.of("../outside.txt"));
        assertThat(Files.isSymbolicLink(ctx.resolve("link-abs"))).isTrue();
        try (Stream<Path> all = Files.walk(rootfs)) {
            List<Path> leaked = all.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> contains(p, HOST_SECRET)).toList();
            assertThat(leaked).as("files holding the host file's content").isEmpty();
        }
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).toList();
        }
    }

    private static String mode(Path file) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS));
    }

    private static boolean contains(Path file, String text) {
        try {
            return Files.size(file) < 1_000_000 && new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)
                    .contains(text);
        } catch (IOException e) {
            return false;
        }
    }
}
