package dev.kiln.worker.executor;

import dev.kiln.core.KilnException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UserResolverTest {
    @TempDir
    Path rootfs;

    @BeforeEach
    void writeUserFiles() throws Exception {
        Files.createDirectories(rootfs.resolve("etc"));
        Files.writeString(rootfs.resolve("etc/passwd"), """
                root:x:0:0:root:/root:/bin/sh
                daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin

                alice:x:1000:1000:Alice:/home/alice:/bin/sh
                broken:x:notanumber:7
                """);
        Files.writeString(rootfs.resolve("etc/group"), """
                root:x:0:root
                bin:x:1:root,daemon
                alice:x:1000:
                staff:x:50:alice,bob
                """);
    }

    private static List<Long> gids(String list) {
        return list.isEmpty() ? List.of() : Arrays.stream(list.split(" ")).map(Long::valueOf).toList();
    }

    @ParameterizedTest(name = "USER ''{0}'' -> {1}:{2} [{3}]")
    @CsvSource(delimiter = '|', nullValues = "NULL", emptyValue = "", value = {
            "''          | 0    | 0    | 0 1",
            "root        | 0    | 0    | 0 1",
            "alice       | 1000 | 1000 | 50",
            "1000        | 1000 | 1000 | 50",
            "alice:staff | 1000 | 50   | ''",
            "alice:1     | 1000 | 1    | ''",
            "alice:777   | 1000 | 777  | ''",
            "1000:1000   | 1000 | 1000 | ''",
            "root:root   | 0    | 0    | ''",
            "4242        | 4242 | 0    | ''",
            "4242:staff  | 4242 | 50   | ''",
            "alice:      | 1000 | 1000 | 50",
            "broken      | 0    | 7    | ''",
    })
    void resolvesLikeBuildkit(String user, long uid, long gid, String additional) {
        ResolvedUser resolved = UserResolver.resolve(rootfs, user);

        assertThat(resolved).isEqualTo(new ResolvedUser(uid, gid, gids(additional)));
    }

    @Test
    void unknownName_isAnError() {
        assertThatThrownBy(() -> UserResolver.resolve(rootfs, "foo"))
                .isInstanceOf(KilnException.class)
                .hasMessage("unable to find user foo: no matching entries in passwd file");
    }

    @Test
    void unknownGroupName_isAnError() {
        assertThatThrownBy(() -> UserResolver.resolve(rootfs, "alice:nogroup"))
                .isInstanceOf(KilnException.class)
                .hasMessage("unable to find group nogroup: no matching entries in group file");
    }

    @Test
    void uidOutOfRange_isAnError() {
        assertThatThrownBy(() -> UserResolver.resolve(rootfs, "4294967296"))
                .isInstanceOf(KilnException.class)
                .hasMessageContaining("must be in range");
    }

    @Test
    void withoutPasswd_numericUserWorksAndNamesFail(@TempDir Path scratch) {
        assertThat(UserResolver.resolve(scratch, "")).isEqualTo(ResolvedUser.ROOT);
        assertThat(UserResolver.resolve(scratch, "1000")).isEqualTo(new ResolvedUser(1000, 0, List.of()));
        assertThatThrownBy(() -> UserResolver.resolve(scratch, "alice"))
                .hasMessage("unable to find user alice: no matching entries in passwd file");
    }

    @Test
    void passwdSymlinkOutsideTheRootfs_isReadInsideIt(@TempDir Path other) throws Exception {
        Files.delete(rootfs.resolve("etc/passwd"));
        Files.createSymbolicLink(rootfs.resolve("etc/passwd"), Path.of("/../../etc/real-passwd"));
        Files.writeString(rootfs.resolve("etc/real-passwd"), "carol:x:2000:2000::/:/bin/sh\n");

        assertThat(UserResolver.resolve(rootfs, "carol").uid()).isEqualTo(2000);
        assertThatThrownBy(() -> UserResolver.resolve(rootfs, "root")).isInstanceOf(KilnException.class);
    }
}
