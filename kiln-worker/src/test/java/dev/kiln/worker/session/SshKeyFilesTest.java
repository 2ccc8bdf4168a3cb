package dev.kiln.worker.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Key files that are damaged or hostile fail as format errors, never as anything else. */
class SshKeyFilesTest {
    @TempDir
    Path dir;

    @Test
    void corruptedKeys_failOnlyWithFormatErrors() throws Exception {
        Random random = new Random(11);
        List<Path> keys = List.of(SshKeygen.generate(dir, "ed", "ed25519"),
                SshKeygen.generate(dir, "rsa", "rsa", "-b", "1024"), SshKeygen.generate(dir, "ec", "ecdsa", "-b", "256"));
        for (Path key : keys) {
            byte[] body = body(Files.readString(key));
            assertThat(SshKeyFiles.parse(pem(body)).publicBlob()).isNotEmpty();
            for (int round = 0; round < 300; round++) {
                byte[] damaged = body.clone();
                if (random.nextBoolean()) {
                    damaged = Arrays.copyOf(damaged, random.nextInt(damaged.length));
                } else {
                    for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                        damaged[random.nextInt(damaged.length)] = (byte) random.nextInt(256);
                    }
                }
                byte[] file = pem(damaged);
                try {
                    SshKeyFiles.parse(file);
                } catch (SshFormatException expected) {
                    // the only acceptable failure
                }
            }
        }
    }

    @Test
    void rsaWithDegeneratePrimes_isAFormatError() {
        byte[] priv = new SshWireWriter().writeUint32(7).writeUint32(7).writeString("ssh-rsa")
                .writeMpint(BigInteger.valueOf(15)).writeMpint(BigInteger.valueOf(3))
                .writeMpint(BigInteger.valueOf(3)).writeMpint(BigInteger.ONE)
                .writeMpint(BigInteger.ONE).writeMpint(BigInteger.ONE).writeString("c")
                .toByteArray();
        byte[] pub = new SshWireWriter().writeString("ssh-rsa").toByteArray();
        byte[] body = new SshWireWriter().writeString("none").writeString("none").writeString(new byte[0])
                .writeUint32(1).writeString(pub).writeString(priv).toByteArray();
        byte[] file = pem(concat("openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII), body));
        assertThatThrownBy(() -> SshKeyFiles.parse(file)).isInstanceOf(SshFormatException.class);
    }

    private static byte[] body(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
    }

    private static byte[] pem(byte[] body) {
        return ("-----BEGIN OPENSSH PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(body)
                + "\n-----END OPENSSH PRIVATE KEY-----\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
