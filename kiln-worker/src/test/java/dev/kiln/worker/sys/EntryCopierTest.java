package dev.kiln.worker.sys;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.kiln.worker.fstest.FsTree.file;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class EntryCopierTest {
    @TempDir
    Path temp;

    @Test
    void copiesEachKind_andLinksTheCopiesOfOneInode() throws IOException {
        assumeTrue("root".equals(System.getProperty("user.name")), "mknod needs root");
        Path data = file(temp, "src/data", "bytes");
        Files.createLink(temp.resolve("src/data-link"), data);
        Path link = Files.createSymbolicLink(temp.resolve("src/link"), Path.of("../elsewhere"));
        Path fifo = temp.resolve("src/fifo");
        LinuxFiles.mknod(fifo, FileStat.S_IFIFO | 0640, 0, 0);
        Path dst = Files.createDirectory(temp.resolve("dst"));
        EntryCopier copier = new EntryCopier();

        assertThat(copier.copy(data, dst.resolve("data"), LinuxFiles.lstat(data))).isFalse();
        assertThat(copier.copy(temp.resolve("src/data-link"), dst.resolve("data-link"),
                LinuxFiles.lstat(temp.resolve("src/data-link")))).isTrue();
        assertThat(copier.copy(link, dst.resolve("link"), LinuxFiles.lstat(link))).isFalse();
        assertThat(copier.copy(fifo, dst.resolve("fifo"), LinuxFiles.lstat(fifo))).isFalse();

        assertThat(dst.resolve("data")).hasContent("bytes");
        assertThat(LinuxFiles.lstat(dst.resolve("data-link")).sameInode(LinuxFiles.lstat(dst.resolve("data")))).isTrue();
        assertThat(LinuxFiles.lstat(dst.resolve("data")).sameInode(LinuxFiles.lstat(data))).isFalse();
        assertThat(Files.readSymbolicLink(dst.resolve("link"))).isEqualTo(Path.of("../elsewhere"));
        assertThat(LinuxFiles.lstat(dst.resolve("fifo")).isFifo()).isTrue();
        assertThat(LinuxFiles.lstat(dst.resolve("fifo")).permissions()).isEqualTo(0640);
    }

    @Test
    void aCopyMadeUnderATemporaryName_isLinkedByItsFinalName() throws IOException {
        Path data = file(temp, "src/data", "bytes");
        Files.createLink(temp.resolve("src/again"), data);
        Path dst = Files.createDirectory(temp.resolve("dst"));
        EntryCopier copier = new EntryCopier();

        copier.copy(data, dst.resolve("tmp"), dst.resolve("data"), LinuxFiles.lstat(data));
        Files.move(dst.resolve("tmp"), dst.resolve("data"));
        copier.copy(temp.resolve("src/again"), dst.resolve("again"), LinuxFiles.lstat(temp.resolve("src/again")));

        assertThat(LinuxFiles.lstat(dst.resolve("again")).sameInode(LinuxFiles.lstat(dst.resolve("data")))).isTrue();
    }
}
