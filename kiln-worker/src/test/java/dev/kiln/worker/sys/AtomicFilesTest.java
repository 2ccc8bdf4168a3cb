package dev.kiln.worker.sys;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AtomicFilesTest {
    @TempDir
    Path temp;

    @Test
    void write_createsAndThenReplacesTheWholeFile() throws IOException {
        Path target = temp.resolve("state.json");

        AtomicFiles.write(target, "first, and longer".getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(target, out -> out.write("second".getBytes(StandardCharsets.UTF_8)));

        assertThat(target).hasContent("second");
        assertThat(entries()).containsExactly("state.json");
    }

    @Test
    void aFailingWrite_keepsTheOldContent_andLeavesNoTempFile() throws IOException {
        Path target = temp.resolve("state.json");
        AtomicFiles.write(target, "old".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            out.write("half of the new".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        })).hasMessage("disk full");

        assertThat(target).hasContent("old");
        assertThat(entries()).containsExactly("state.json");
    }

    private Stream<String> entries() throws IOException {
        try (Stream<Path> files = Files.list(temp)) {
            return files.map(p -> p.getFileName().toString()).toList().stream();
        }
    }
}
