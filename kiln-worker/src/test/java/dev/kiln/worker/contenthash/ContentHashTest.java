package dev.kiln.worker.contenthash;

import dev.kiln.core.Digest;
import dev.kiln.core.KilnException;
import dev.kiln.worker.sys.LinuxFiles;
import dev.kiln.worker.sys.Xattrs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static dev.kiln.worker.fstest.FsTree.dir;
import static dev.kiln.worker.fstest.FsTree.file;
import static dev.kiln.worker.fstest.FsTree.setMtime;
import static dev.kiln.worker.fstest.FsTree.symlink;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContentHashTest {
    @TempDir
    Path root;

    Digest sum(String path) {
        return new ContentHash(root).checksum(path, ChecksumOptions.PLAIN);
    }

    Digest sum(String path, ChecksumOptions o) {
        return new ContentHash(root).checksum(path, o);
    }

    static ChecksumOptions wildcard() {
        return new ChecksumOptions(false, true, List.of(), List.of());
    }

    static ChecksumOptions patterns(List<String> include, List<String> exclude) {
        return new ChecksumOptions(false, false, include, exclude);
    }

    static String header(int mode, int uid, int gid, long size, char type, String link) {
        return "name" + "mode" + mode + "uid" + uid + "gid" + gid + "size" + size + "typeflag" + type
                + "linkname" + link + "uname" + "gname" + "devmajor0" + "devminor0";
    }

    @Test
    void file_isTheTarsumHeaderFollowedByTheContent() throws Exception {
        Path f = file(root, "hello", "hi\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
        LinuxFiles.lchown(f, 1000, 1001);
        assertThat(sum("/hello")).isEqualTo(Digest.sha256(header(0644, 1000, 1001, 3, '0', "") + "hi\n"));
    }

    @Test
    void directory_isItsHeaderAndItsChildrenInNameOrder() throws Exception {
        Path d = dir(root, "d");
        Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path b = file(root, "d/b", "");
        Path a = file(root, "d/a", "x");
        for (Path p : List.of(a, b)) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
        }
        Digest header = Digest.sha256(header(0755, 0, 0, 0, '5', ""));
        Digest fa = Digest.sha256(header(0600, 0, 0, 1, '0', "") + "x");
        Digest fb = Digest.sha256(header(0600, 0, 0, 0, '0', ""));
        assertThat(sum("/d")).isEqualTo(Digest.sha256("\0" + header + "\0a" + fa + "\0b" + fb));
    }

    @Test
    void symlink_hashesItsTarget_orWhatItPointsToWhenFollowed() throws Exception {
        file(root, "target", "T");
        symlink(root, "link", "target");
        assertThat(sum("/link")).isEqualTo(Digest.sha256(header(0777, 0, 0, 0, '2', "target")));
        assertThat(sum("/link", new ChecksumOptions(true, false, List.of(), List.of()))).isEqualTo(sum("/target"));
    }

    @Test
    void mtime_doesNotCount_butContentModeOwnerAndXattrsDo() throws Exception {
        Path f = file(root, "src/f", "one");
        Digest before = sum("/src");
        setMtime(f, 1_000_000, 0);
        setMtime(root.resolve("src"), 1_000_000, 0);
        assertThat(sum("/src")).isEqualTo(before);

        Files.writeString(f, "two");
        Digest changed = sum("/src");
        assertThat(changed).isNotEqualTo(before);

        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwx------"));
        Digest chmodded = sum("/src");
        assertThat(chmodded).isNotEqualTo(changed);

        LinuxFiles.lchown(f, 5, 5);
        Digest chowned = sum("/src");
        assertThat(chowned).isNotEqualTo(chmodded);

        Xattrs.set(f, "user.note", "x".getBytes(StandardCharsets.UTF_8));
        assertThat(sum("/src")).isNotEqualTo(chowned);
    }

    @Test
    void onlySecurityCapabilityAmongSecurityXattrs_counts() {
        assertThat(TarsumHeader.hashed("security.capability")).isTrue();
        assertThat(TarsumHeader.hashed("security.selinux")).isFalse();
        assertThat(TarsumHeader.hashed("system.posix_acl_access")).isFalse();
        assertThat(TarsumHeader.hashed("user.mime_type")).isTrue();
        assertThat(TarsumHeader.hashed("trusted.overlay.opaque")).isTrue();
    }

    @Test
    void addingOrRenamingAChild_changesTheDirectory() throws Exception {
        file(root, "d/a", "A");
        Digest before = sum("/d");
        file(root, "d/b", "B");
        Digest added = sum("/d");
        assertThat(added).isNotEqualTo(before);
        Files.move(root.resolve("d/b"), root.resolve("d/c"));
        assertThat(sum("/d")).isNotEqualTo(added);
    }

    @Test
    void rootPermissions_doNotCount() throws Exception {
        file(root, "a", "A");
        Digest before = sum("/");
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx------"));
        assertThat(sum("/")).isEqualTo(before).isEqualTo(sum("."));
    }

    @Test
    void missingPath_failsWithBuildKitsMessage() {
        assertThatThrownBy(() -> sum("/missing")).isInstanceOf(KilnException.class)
                .hasMessage("failed to compute cache key: \"/missing\" not found");
        assertThatThrownBy(() -> sum("a/../../missing/x")).hasMessage("failed to compute cache key: \"/missing/x\" not found");
    }

    @Test
    void symlinkOutsideTheTree_isResolvedInsideIt() throws Exception {
        symlink(root, "host", "/etc");
        assertThatThrownBy(() -> sum("/host/hostname")).hasMessage("failed to compute cache key: \"/host/hostname\" not found");
        symlink(root, "loop", "/loop");
        assertThatThrownBy(() -> sum("/loop/x")).hasMessageContaining("too many levels of symbolic links");
    }

    @Test
    void wildcard_dependsOnlyOnMatchingFiles() throws Exception {
        file(root, "src/a.txt", "A");
        file(root, "src/b.txt", "B");
        file(root, "src/c.md", "C");
        Digest before = sum("/src/*.txt", wildcard());
        Files.writeString(root.resolve("src/c.md"), "changed");
        assertThat(sum("/src/*.txt", wildcard())).isEqualTo(before);
        Files.writeString(root.resolve("src/a.txt"), "changed");
        assertThat(sum("/src/*.txt", wildcard())).isNotEqualTo(before);
    }

    @Test
    void wildcardMatchingOneFileWithTheSameName_isThatFilesChecksum() throws Exception {
        file(root, "a.txt", "A");
        assertThat(sum("/a.tx[t]", wildcard())).isNotEqualTo(sum("/a.txt"));
        assertThat(sum("/*.txt", wildcard())).isEqualTo(Digest.sha256("a.txt" + sum("/a.txt")));
    }

    @Test
    void wildcardWithoutMatch_isTheEmptyDigest() {
        assertThat(sum("/nothing*", wildcard())).isEqualTo(Digest.sha256(new byte[0]));
    }

    @Test
    void excludedFiles_doNotCount_includedOnesDo() throws Exception {
        file(root, "app/main.go", "m");
        file(root, "app/README.md", "r");
        file(root, "app/docs/x.md", "x");
        ChecksumOptions noDocs = patterns(List.of(), List.of("*.md", "docs"));
        Digest before = sum("/app", noDocs);
        Files.writeString(root.resolve("app/README.md"), "changed");
        Files.writeString(root.resolve("app/docs/x.md"), "changed");
        assertThat(sum("/app", noDocs)).isEqualTo(before);
        Files.writeString(root.resolve("app/main.go"), "changed");
        assertThat(sum("/app", noDocs)).isNotEqualTo(before);
    }

    @Test
    void includePatterns_selectOnlyTheirFiles() throws Exception {
        file(root, "app/a/b/c", "c");
        file(root, "app/a/d/e", "e");
        ChecksumOptions onlyC = patterns(List.of("a/*/c"), List.of());
        Digest before = sum("/app/", onlyC);
        Files.writeString(root.resolve("app/a/d/e"), "changed");
        assertThat(sum("/app/", onlyC)).isEqualTo(before);
        Files.writeString(root.resolve("app/a/b/c"), "changed");
        assertThat(sum("/app/", onlyC)).isNotEqualTo(before);
    }

    @Test
    void filteredSingleFile_stillDependsOnItsContent() throws Exception {
        file(root, "f.txt", "one");
        ChecksumOptions filtered = patterns(List.of(), List.of("*.md"));
        Digest before = sum("/f.txt", filtered);
        Files.writeString(root.resolve("f.txt"), "two");
        assertThat(sum("/f.txt", filtered)).isNotEqualTo(before);
    }
}
