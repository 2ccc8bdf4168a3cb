package dev.kiln.e2e.mounts;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code RUN --mount=type=ssh} with {@code kiln build --ssh}: a real OpenSSH agent holding a generated key,
 * and key files served by Kiln's own agent, both listed by OpenSSH's {@code ssh-add -l} inside the
 * container (see {@link SshClientImage} for how the image gets ssh-add offline).
 */
class SshMountE2eTest extends MountsE2eBase {
    static Path key;

    @BeforeAll
    static void setUp() {
        SshClientImage.assumeAvailable();
        key = SshAgentProcess.generate(dir, "id_ed25519", "ed25519");
    }

    @Test
    void sshDefault_forwardsTheAgentAtSshAuthSock() {
        Path ctx = SshClientImage.context(dir.resolve("agent"), """
                RUN --mount=type=ssh echo "sock=$SSH_AUTH_SOCK"; test -S /run/buildkit/ssh_agent.0 && ssh-add -l
                """);
        try (SshAgentProcess agent = SshAgentProcess.start(dir.resolve("agent.sock"))) {
            agent.add(key);

            Kiln.Run r = kiln.start(dir.resolve("agent-logs"), dir, Map.of("SSH_AUTH_SOCK", agent.socket().toString()),
                    ctx, "--ssh", "default").await().ok();

            assertThat(r.stepOutput()).contains("sock=/run/buildkit/ssh_agent.0", SshAgentProcess.fingerprint(key));
        }
    }

    @Test
    void keyFile_isServedByKilnsOwnAgent() {
        Path ctx = SshClientImage.context(dir.resolve("keyfile"), """
                RUN --mount=type=ssh ssh-add -l && echo listed-by-key-file
                """);

        Kiln.Run r = kiln.build(ctx, "--ssh", "default=" + key).ok();

        assertThat(r.stepOutput()).contains(SshAgentProcess.fingerprint(key), "listed-by-key-file");
    }

    @Test
    void idTargetModeUidGid_placeTheSocket_andSshAuthSockFollowsIt() {
        Path other = SshAgentProcess.generate(dir, "id_rsa", "rsa");
        Path ctx = SshClientImage.context(dir.resolve("custom"), """
                RUN --mount=type=ssh,id=deploy,target=/tmp/deploy.sock,mode=0660,uid=1000,gid=1001 \\
                    stat -c 'sock %a %u %g %F' /tmp/deploy.sock && echo "env=$SSH_AUTH_SOCK" && ssh-add -l
                """);

        Kiln.Run r = kiln.build(ctx, "--ssh", "deploy=" + key + "," + other).ok();

        assertThat(r.stepOutput()).contains("sock 660 1000 1001 socket", "env=/tmp/deploy.sock",
                SshAgentProcess.fingerprint(key), SshAgentProcess.fingerprint(other));
    }

    @Test
    void absentKey_failsClearly() {
        Path required = SshClientImage.context(dir.resolve("required"), """
                RUN --mount=type=ssh,required=true ssh-add -l
                """);
        Path emptyAgent = SshClientImage.context(dir.resolve("empty"), """
                RUN --mount=type=ssh : no key in this agent; ssh-add -l
                """);

        assertThat(kiln.build(required).failed().errorLine())
                .isEqualTo("ERROR: Dockerfile:5: no SSH key \"default\" forwarded from the client");
        try (SshAgentProcess agent = SshAgentProcess.start(dir.resolve("empty.sock"))) {
            Kiln.Run r = kiln.build(emptyAgent, "--ssh", "default=" + agent.socket()).failed();

            assertThat(r.stepOutput()).contains("The agent has no identities.");
            assertThat(r.errorLine()).startsWith("ERROR: Dockerfile:5: process ").endsWith("exit code: 1");
        }
    }
}
