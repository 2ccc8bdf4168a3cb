package dev.kiln.worker.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.graph.ExecMount.SshOpt;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --ssh default} and {@code --ssh id=SOCKET}: a real ssh-agent reached through Kiln's read-only relay. */
class SshForwardingTest {
    @TempDir
    Path dir;

    private Process agent;
    private Path agentSocket;
    private Path key;

    @BeforeEach
    void startRealAgent() throws Exception {
        agentSocket = dir.resolve("real-agent.sock");
        agent = new ProcessBuilder("ssh-agent", "-D", "-a", agentSocket.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("agent.log").toFile()).start();
        for (int i = 0; i < 200 && !Files.exists(agentSocket); i++) {
            Thread.sleep(10);
        }
        assertThat(agentSocket).exists();
        key = SshKeygen.generate(dir, "ed", "ed25519");
        Cmd.ok(Map.of("SSH_AUTH_SOCK", agentSocket.toString()), "ssh-add", key.toString());
    }

    @AfterEach
    void stopRealAgent() throws Exception {
        if (agent != null) {
            agent.destroy();
            agent.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void default_usesSshAuthSock_listsAndSignsThroughTheRealAgent() throws Exception {
        SshAgents agents = SshAgents.resolve(List.of(SshSpec.parse("default")),
                Map.of("SSH_AUTH_SOCK", agentSocket.toString()));

        try (SshAgentServer server = agents.serve(new SshOpt("default", 0, 0, 0600, false),
                dir.resolve("kiln.sock")).orElseThrow()) {
            Map<String, String> env = Map.of("SSH_AUTH_SOCK", server.socket().toString());
            assertThat(Cmd.ok(env, "ssh-add", "-l").out().lines())
                    .containsExactly(SshKeygen.fingerprintLine(SshKeygen.pub(key)));
            assertThat(Cmd.run(env, "ssh-add", "-T", SshKeygen.pub(key).toString()).exit()).isZero();
        }
    }

    @Test
    void explicitSocket_isReadOnly_realAgentKeepsItsKeys() throws Exception {
        Path other = SshKeygen.generate(dir, "other", "ed25519");
        SshAgents agents = SshAgents.resolve(List.of(SshSpec.parse("mine=" + agentSocket)), Map.of());

        try (SshAgentServer server = agents.serve(new SshOpt("mine", 0, 0, 0600, false),
                dir.resolve("kiln.sock")).orElseThrow()) {
            Map<String, String> env = Map.of("SSH_AUTH_SOCK", server.socket().toString());
            assertThat(Cmd.run(env, "ssh-add", other.toString()).exit()).isNotZero();
            assertThat(Cmd.run(env, "ssh-add", "-D").exit()).isNotZero();
        }
        String real = Cmd.ok(Map.of("SSH_AUTH_SOCK", agentSocket.toString()), "ssh-add", "-l").out();
        assertThat(real.lines()).containsExactly(SshKeygen.fingerprintLine(SshKeygen.pub(key)));
    }

    @Test
    void deadUpstream_dropsTheClientButServerSurvives() throws Exception {
        SshAgents agents = SshAgents.resolve(List.of(SshSpec.parse("default=" + agentSocket)), Map.of());
        try (SshAgentServer server = agents.serve(new SshOpt("default", 0, 0, 0600, false),
                dir.resolve("kiln.sock")).orElseThrow()) {
            Map<String, String> env = Map.of("SSH_AUTH_SOCK", server.socket().toString());
            agent.destroy();
            agent.waitFor(5, TimeUnit.SECONDS);

            Cmd c = Cmd.run(env, "ssh-add", "-l");

            assertThat(c.exit()).isNotZero();
            assertThat(server.socket()).exists();
        }
    }
}
