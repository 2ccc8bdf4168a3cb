package dev.kiln.worker.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.graph.ExecMount.SshOpt;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --ssh} flags: buildx's parsing and BuildKit's agent-provider checks and messages. */
class SshAgentsTest {
    @TempDir
    Path dir;

    @Test
    void parse_buildxForms() {
        assertThat(SshSpec.parse("default")).isEqualTo(new SshSpec("default", List.of()));
        assertThat(SshSpec.parse("gh=/k1,/k2")).isEqualTo(new SshSpec("gh", List.of("/k1", "/k2")));
        assertThat(SshSpec.parse("gh=")).isEqualTo(new SshSpec("gh", List.of("")));
        assertThat(SshSpec.parse("=/k").effectiveId()).isEqualTo("default");
        assertThat(SshSpec.parse("a=b=c").paths()).containsExactly("b=c");
    }

    @Test
    void resolve_defaultWithoutSshAuthSock_fails() {
        assertThatThrownBy(() -> SshAgents.resolve(List.of(SshSpec.parse("default")), Map.of()))
                .isInstanceOf(KilnException.class)
                .hasMessage("ssh default: invalid empty ssh agent socket: make sure SSH_AUTH_SOCK is set")
                .extracting(e -> ((KilnException) e).kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT);
    }

    @Test
    void resolve_missingPath_namesIt() {
        Path missing = dir.resolve("nope");
        assertThatThrownBy(() -> SshAgents.resolve(List.of(SshSpec.parse("k=" + missing)), Map.of()))
                .hasMessage("ssh k: stat " + missing + ": no such file or directory");
    }

    @Test
    void resolve_duplicateId_fails() throws Exception {
        Path k = SshKeygen.generate(dir, "k", "ed25519");
        assertThatThrownBy(() -> SshAgents.resolve(List.of(SshSpec.parse("=" + k), SshSpec.parse("default=" + k)),
                Map.of())).hasMessage("duplicate agent ID \"default\"");
    }

    @Test
    void resolve_encryptedKey_isRefusedWithTheReason() throws Exception {
        Path k = dir.resolve("enc");
        Cmd.ok(Map.of(), "ssh-keygen", "-q", "-t", "ed25519", "-N", "secret", "-f", k.toString());
        assertThatThrownBy(() -> SshAgents.resolve(List.of(SshSpec.parse("k=" + k)), Map.of()))
                .hasMessageStartingWith("ssh k: failed to parse " + k + ": passphrase-protected keys are not supported");
    }

    @Test
    void resolve_notAKey_failsToParse() throws Exception {
        Path junk = Files.writeString(dir.resolve("junk"), "hello\n");
        Path pub = Files.writeString(dir.resolve("truncated"),
                "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmU=\n-----END OPENSSH PRIVATE KEY-----\n");
        assertThatThrownBy(() -> SshAgents.resolve(List.of(SshSpec.parse("k=" + junk)), Map.of()))
                .hasMessage("ssh k: failed to parse " + junk + ": no PEM private key block found");
        assertThatThrownBy(() -> SshAgents.resolve(List.of(SshSpec.parse("k=" + pub)), Map.of()))
                .hasMessage("ssh k: failed to parse " + pub + ": message truncated");
    }

    @Test
    void resolve_socketAndKeyTogether_fails() throws Exception {
        Path k = SshKeygen.generate(dir, "k", "ed25519");
        Path sock = dir.resolve("s.sock");
        try (ServerSocketChannel ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.bind(UnixDomainSocketAddress.of(sock));
            assertThatThrownBy(() -> SshAgents.resolve(List.of(SshSpec.parse("k=" + k + "," + sock)), Map.of()))
                    .hasMessage("ssh k: invalid combination of keys and sockets");
            assertThatThrownBy(() -> SshAgents.resolve(List.of(SshSpec.parse("k=" + sock + "," + sock)), Map.of()))
                    .hasMessage("ssh k: only single socket allowed");
        }
    }

    @Test
    void serve_missingId_requiredFails_optionalIsAbsent() {
        SshAgents agents = SshAgents.none();
        Path socket = dir.resolve("s");
        assertThatThrownBy(() -> agents.serve(new SshOpt("", 0, 0, 0600, false), socket))
                .isInstanceOf(KilnException.class)
                .hasMessage("no SSH key \"default\" forwarded from the client");
        assertThat(agents.serve(new SshOpt("x", 0, 0, 0600, true), socket)).isEmpty();
        assertThat(socket).doesNotExist();
    }

    @Test
    void keyFile_privateKeyBytesNeverReachTheSocketDirectory() throws Exception {
        Path keys = Files.createDirectory(dir.resolve("keys"));
        Path k = SshKeygen.generate(keys, "k", "ed25519");
        Path mountDir = Files.createDirectory(dir.resolve("mount"));
        try (SshAgentServer server = SshAgents.resolve(List.of(SshSpec.parse("k=" + k)), Map.of())
                .serve(new SshOpt("k", 0, 0, 0600, false), mountDir.resolve("agent")).orElseThrow()) {
            try (var entries = Files.list(mountDir)) {
                assertThat(entries.toList()).containsExactly(server.socket());
            }
            assertThat(Files.isRegularFile(server.socket())).isFalse();
        }
    }
}
