package dev.kiln.worker.sys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The syscall numbers against the kernel's own headers, for both architectures (arm64's cannot be run here). */
class SyscallTest {
    private static final Pattern DEFINE = Pattern.compile("#define __NR(?:3264)?_(\\w+)\\s+(\\d+)");

    @Test
    void x8664Numbers_matchTheKernelHeader() throws IOException {
        assertMatches(Path.of("/usr/include/x86_64-linux-gnu/asm/unistd_64.h"), "amd64");
    }

    @Test
    void arm64Numbers_matchTheGenericKernelHeader() throws IOException {
        assertMatches(Path.of("/usr/include/asm-generic/unistd.h"), "aarch64");
    }

    @Test
    void otherArchitectures_areRefusedByName() {
        assertThatThrownBy(() -> Syscall.MOUNT.numberOn("riscv64"))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("riscv64");
    }

    private static void assertMatches(Path header, String arch) throws IOException {
        assumeTrue(Files.isRegularFile(header), header + " (linux-libc-dev) is not installed");
        Map<String, Long> numbers = new HashMap<>();
        Matcher m = DEFINE.matcher(Files.readString(header));
        while (m.find()) {
            numbers.putIfAbsent(m.group(1), Long.parseLong(m.group(2)));
        }
        for (Syscall call : Syscall.values()) {
            String name = call.name().toLowerCase(Locale.ROOT);
            assertThat(numbers).as("%s in %s", name, header).containsKey(name);
            assertThat(call.numberOn(arch)).as("%s on %s", name, arch).isEqualTo(numbers.get(name));
        }
    }
}
