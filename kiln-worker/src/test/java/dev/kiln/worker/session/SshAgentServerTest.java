package dev.kiln.worker.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kiln.graph.ExecMount.SshOpt;
import java.io.IOException;
import java.net.SocketException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kiln's own agent, driven by the real OpenSSH client tools. */
class SshAgentServerTest {
    @TempDir
    Path dir;

    @Test
    void serve_keyFiles_sshAddListsEveryKeyWithItsFingerprint() throws Exception {
        Path ed = SshKeygen.generate(dir, "ed", "ed25519");
        Path rsa = SshKeygen.generate(dir, "rsa", "rsa", "-b", "2048");
        Path ec = SshKeygen.generate(dir, "ec", "ecdsa", "-b", "384");
        SshAgents agents = SshAgents.resolve(List.of(SshSpec.parse("keys=" + ed + "," + rsa + "," + ec)), Map.of());

        try (SshAgentServer server = serve(agents, "keys")) {
            String listed = Cmd.ok(sock(server), "ssh-add", "-l").out();

            assertThat(listed.lines()).containsExactly(SshKeygen.fingerprintLine(SshKeygen.pub(ed)),
                    SshKeygen.fingerprintLine(SshKeygen.pub(rsa)), SshKeygen.fingerprintLine(SshKeygen.pub(ec)));
        }
    }

    @Test
    void serve_eachKeyType_signaturesVerifyWithSshAddT() throws Exception {
        List<Path> keys = List.of(SshKeygen.generate(dir, "ed", "ed25519"),
                SshKeygen.generate(dir, "rsa", "rsa", "-b", "2048"),
                SshKeygen.generate(dir, "p256", "ecdsa", "-b", "256"),
                SshKeygen.generate(dir, "p521", "ecdsa", "-b", "521"));
        String paths = String.join(",", keys.stream().map(Path::toString).toList());
        SshAgents agents = SshAgents.resolve(List.of(SshSpec.parse("default=" + paths)), Map.of());

        try (SshAgentServer server = serve(agents, "default")) {
            for (Path key : keys) {
                // ssh-add -T asks the agent to sign and verifies the signature with the public key file.
                Cmd c = Cmd.run(sock(server), "ssh-add", "-T", SshKeygen.pub(key).toString());
                assertThat(c.exit()).as("ssh-add -T %s: %s", key.getFileName(), c.err()).isZero();
            }
        }
    }

    @Test
    void serve_rsaKey_sshKeygenSignatureVerifiesAgainstAllowedSigners() throws Exception {
        Path rsa = SshKeygen.generate(dir, "rsa", "rsa", "-b", "3072");
        Path data = Files.writeString(dir.resolve("data"), "signed by kiln\n");
        Files.writeString(dir.resolve("allowed"), "me@kiln " + Files.readString(SshKeygen.pub(rsa)));
        SshAgents agents = SshAgents.resolve(List.of(SshSpec.parse("k=" + rsa)), Map.of());

        try (SshAgentServer server = serve(agents, "k")) {
            // Given only the public key, ssh-keygen -Y sign has the agent make the (rsa-sha2-512) signature.
            Cmd.ok(sock(server), "ssh-keygen", "-Y", "sign", "-f", SshKeygen.pub(rsa).toString(), "-n", "file",
                    data.toString());
        }
        Cmd verify = Cmd.run(Map.of(), "sh", "-c", "ssh-keygen -Y verify -f " + dir.resolve("allowed")
                + " -I me@kiln -n file -s " + data + ".sig < " + data);
        assertThat(verify.exit()).as(verify.err() + verify.out()).isZero();
        assertThat(verify.out()).contains("Good \"file\" signature for me@kiln");
    }

    @Test
    void serve_pemRsaKeys_areServed() throws Exception {
        Path pkcs1 = SshKeygen.generate(dir, "pkcs1", "rsa", "-b", "2048", "-m", "PEM");
        Path pkcs8 = SshKeygen.generate(dir, "pkcs8", "rsa", "-b", "2048", "-m", "PKCS8");
        assertThat(Files.readString(pkcs1)).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        assertThat(Files.readString(pkcs8)).startsWith("-----BEGIN PRIVATE KEY-----");
        SshAgents agents = SshAgents.resolve(List.of(SshSpec.parse("pem=" + pkcs1 + "," + pkcs8)), Map.of());

        try (SshAgentServer server = serve(agents, "pem")) {
            assertThat(Cmd.run(sock(server), "ssh-add", "-T", SshKeygen.pub(pkcs1).toString()).exit()).isZero();
            assertThat(Cmd.run(sock(server), "ssh-add", "-T", SshKeygen.pub(pkcs8).toString()).exit()).isZero();
        }
    }

    @Test
    void serve_addRemoveAndLock_areRefused() throws Exception {
        Path ed = SshKeygen.generate(dir, "ed", "ed25519");
        Path other = SshKeygen.generate(dir, "other", "ed25519");
        SshAgents agents = SshAgents.resolve(List.of(SshSpec.parse("k=" + ed)), Map.of());

        try (SshAgentServer server = serve(agents, "k")) {
            assertThat(Cmd.run(sock(server), "ssh-add", other.toString()).exit()).isNotZero();
            assertThat(Cmd.run(sock(server), "ssh-add", "-D").exit()).isNotZero();
            assertThat(Cmd.run(sock(server), "ssh-add", "-d", SshKeygen.pub(ed).toString()).exit()).isNotZero();
            assertThat(Cmd.ok(sock(server), "ssh-add", "-l").out().lines())
                    .containsExactly(SshKeygen.fingerprintLine(SshKeygen.pub(ed)));
        }
    }

    @Test
    void serve_socketGetsModeAndOwner_andCloseRemovesIt() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "chown needs root");
        Path ed = SshKeygen.generate(dir, "ed", "ed25519");
        SshAgents agents = SshAgents.resolve(List.of(SshSpec.parse("k=" + ed)), Map.of());
        Path socket = dir.resolve("agent.sock");

        try (SshAgentServer server = agents.serve(new SshOpt("k", 100, 102, 0741, false), socket).orElseThrow()) {
            assertThat((int) Files.getAttribute(socket, "unix:mode")).isEqualTo(0140741);
            assertThat(Files.getAttribute(socket, "unix:uid")).isEqualTo(100);
            assertThat(Files.getAttribute(socket, "unix:gid")).isEqualTo(102);
            assertThat(server.socket()).isEqualTo(socket);
        }
        assertThat(socket).doesNotExist();
    }

    @Test
    void serve_malformedClient_losesOnlyItsOwnConnection() throws Exception {
        Path ed = SshKeygen.generate(dir, "ed", "ed25519");
        SshAgents agents = SshAgents.resolve(List.of(SshSpec.parse("k=" + ed)), Map.of());

        try (SshAgentServer server = serve(agents, "k")) {
            for (byte[] hostile : List.of(new byte[] {0x7f, -1, -1, -1, 11}, new byte[] {0, 0, 0, 0},
                    new byte[] {0, 0, 0, 9, 13, 0, 0, 0, 100, 1, 2, 3, 4})) {
                try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                    ch.connect(UnixDomainSocketAddress.of(server.socket()));
                    ch.write(ByteBuffer.wrap(hostile));
                    assertThat(closedWithoutReply(ch)).as("reply to %s", Arrays.toString(hostile)).isTrue();
                }
            }
            assertThat(Cmd.run(sock(server), "ssh-add", "-l").exit()).isZero();
        }
    }

    @Test
    void serve_unknownRequest_getsFailureAndConnectionStaysUsable() throws Exception {
        Path ed = SshKeygen.generate(dir, "ed", "ed25519");
        SshAgents agents = SshAgents.resolve(List.of(SshSpec.parse("k=" + ed)), Map.of());

        try (SshAgentServer server = serve(agents, "k");
                SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(server.socket()));
            ch.write(ByteBuffer.wrap(new byte[] {0, 0, 0, 1, 27, 0, 0, 0, 1, 11}));
            ByteBuffer reply = ByteBuffer.allocate(64);
            while (reply.position() < 10) {
                assertThat(ch.read(reply)).isPositive();
            }
            assertThat(Arrays.copyOf(reply.array(), 6)).containsExactly(0, 0, 0, 1, 5, 0);
            assertThat(reply.get(4 + 1 + 4)).isEqualTo((byte) 12); // the identities answer follows
        }
    }

    /** End of stream, or a reset when the server closed with our bytes still unread: either way, no answer. */
    private static boolean closedWithoutReply(SocketChannel ch) throws IOException {
        try {
            return ch.read(ByteBuffer.allocate(16)) == -1;
        } catch (SocketException e) {
            return e.getMessage().contains("reset");
        }
    }

    private SshAgentServer serve(SshAgents agents, String id) {
        return agents.serve(new SshOpt(id, 0, 0, 0600, false), dir.resolve(id + ".sock")).orElseThrow();
    }

    private static Map<String, String> sock(SshAgentServer server) {
        return Map.of("SSH_AUTH_SOCK", server.socket().toString());
    }
}
