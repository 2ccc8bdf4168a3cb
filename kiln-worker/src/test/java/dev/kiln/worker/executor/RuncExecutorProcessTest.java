package dev.kiln.worker.executor;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.kiln.worker.executor.ContainerFixture.run;
import static dev.kiln.worker.executor.ContainerFixture.shell;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the process sees: output, exit code, environment, working directory, user and hostname. */
class RuncExecutorProcessTest {
    @TempDir
    static Path temp;
    static Path rootfs;
    static RuncExecutor executor;

    @BeforeAll
    static void setUp() throws Exception {
        ContainerFixture.assumeRuncWorks();
        rootfs = BusyboxRootfs.create(Files.createDirectory(temp.resolve("rootfs")));
        Files.writeString(rootfs.resolve("etc/passwd"), """
                root:x:0:0:root:/root:/bin/sh
                alice:x:1000:1000:Alice:/home/alice:/bin/sh
                """);
        Files.writeString(rootfs.resolve("etc/group"), """
                root:x:0:
                alice:x:1000:
                staff:x:50:alice,bob
                wheel:x:10:bob
                """);
        executor = new RuncExecutor(temp.resolve("state"));
    }

    @Test
    void echo_outputIsStreamedToStdout() {
        var outcome = run(executor, shell(rootfs, "echo hello; echo oops >&2").build()).succeeded();

        assertThat(outcome.stdout()).isEqualTo("hello\n");
        assertThat(outcome.stderr()).isEqualTo("oops\n");
    }

    @Test
    void exitCode_isPropagated() {
        var outcome = run(executor, shell(rootfs, "exit 42").build());

        assertThat(outcome.result().exitCode()).isEqualTo(42);
        assertThat(outcome.result().succeeded()).isFalse();
    }

    @Test
    void missingExecutable_failsWithRuncMessageOnStderr() {
        var request = ExecRequest.builder(ContainerFixture.newId("t"), rootfs, List.of("/nope")).build();

        var outcome = run(executor, request);

        assertThat(outcome.result().exitCode()).isNotZero();
        assertThat(outcome.stderr()).contains("/nope");
    }

    @Test
    void env_isPassedAndDefaultPathAdded() {
        var outcome = run(executor, shell(rootfs, "echo \"$FOO|$PATH\"").env(List.of("FOO=bar baz")).build())
                .succeeded();

        assertThat(outcome.stdout()).isEqualTo("bar baz|/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\n");
    }

    @Test
    void env_keepsGivenPath() {
        var outcome = run(executor, shell(rootfs, "echo $PATH").env(List.of("PATH=/bin")).build()).succeeded();

        assertThat(outcome.stdout()).isEqualTo("/bin\n");
    }

    @Test
    void cwd_missing_isCreatedOwnedByTheUser() throws Exception {
        var outcome = run(executor, shell(rootfs, "pwd").cwd("/work/dir").user("alice").build()).succeeded();

        assertThat(outcome.stdout()).isEqualTo("/work/dir\n");
        assertThat(Files.getAttribute(rootfs.resolve("work/dir"), "unix:uid")).isEqualTo(1000);
        assertThat(Files.getAttribute(rootfs.resolve("work"), "unix:gid")).isEqualTo(1000);
    }

    @Test
    void user_byName_getsPasswdIdsAndSupplementaryGroups() {
        var outcome = run(executor, shell(rootfs, "id -u; id -g; id -G").user("alice").build()).succeeded();

        assertThat(outcome.stdout().lines().toList()).containsExactly("1000", "1000", "1000 50");
    }

    @Test
    void user_withGroup_usesThatGroupOnly() {
        var outcome = run(executor, shell(rootfs, "id -u; id -G").user("alice:wheel").build()).succeeded();

        assertThat(outcome.stdout().lines().toList()).containsExactly("1000", "10");
    }

    @Test
    void user_numericWithoutEntry_runsWithGidZero() {
        var outcome = run(executor, shell(rootfs, "id -u; id -g").user("4242").build()).succeeded();

        assertThat(outcome.stdout().lines().toList()).containsExactly("4242", "0");
    }

    @Test
    void user_unknownName_failsBeforeStarting() {
        assertThatThrownBy(() -> executor.run(shell(rootfs, "true").user("foo").build(), ProcessOutput.discard()))
                .isInstanceOf(KilnException.class)
                .hasMessage("unable to find user foo: no matching entries in passwd file")
                .extracting(e -> ((KilnException) e).kind()).isEqualTo(ErrorKind.NOT_FOUND);
    }

    @Test
    void hostname_defaultsToBuildkitSandbox() {
        var outcome = run(executor, shell(rootfs, "hostname").build()).succeeded();

        assertThat(outcome.stdout()).isEqualTo("buildkitsandbox\n");
    }

    @Test
    void hosts_listHostnameAndExtraHosts() {
        var outcome = run(executor, shell(rootfs, "hostname; cat /etc/hosts").hostname("builder")
                .extraHost("registry.test", "10.1.2.3").build()).succeeded();

        assertThat(outcome.stdout()).isEqualTo("""
                builder
                127.0.0.1\tlocalhost builder
                ::1\tlocalhost ip6-localhost ip6-loopback
                10.1.2.3\tregistry.test
                """);
    }

    @Test
    void resolvConf_isBoundReadOnly() {
        var outcome = run(executor, shell(rootfs, "grep -c nameserver /etc/resolv.conf; echo x >> /etc/resolv.conf")
                .build());

        assertThat(outcome.result().exitCode()).isNotZero();
        assertThat(outcome.stdout().strip()).isNotEqualTo("0");
    }
}
