package dev.kiln.core.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.security.MessageDigest;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The libcrypto-backed digest must agree with the JDK's on every way MessageDigest can be driven. */
class NativeSha256Test {
    private final Random random = new Random(42);

    @BeforeEach
    void nativeIsThere() {
        // libcrypto ships with the test machines (libssl3); without it create() is the JDK's digest anyway.
        assumeTrue(NativeSha256.available(), "no libcrypto on this machine");
    }

    @Test
    void create_isTheNativeOne() {
        assertThat(NativeSha256.create()).isInstanceOf(NativeSha256.class);
        assertThat(NativeSha256.create().getAlgorithm()).isEqualTo("SHA-256");
        assertThat(NativeSha256.create().getDigestLength()).isEqualTo(32);
    }

    @Test
    void wholeArrays_ofManySizes_matchTheJdk() {
        for (int size : new int[] {0, 1, 55, 56, 63, 64, 65, 1000, 65536, (1 << 20) + 17, 3 << 20}) {
            byte[] data = bytes(size);
            assertThat(NativeSha256.create().digest(data)).as("size %d", size).isEqualTo(NativeSha256.jdk().digest(data));
        }
    }

    @Test
    void slicesSingleBytesAndResets_matchTheJdk() {
        byte[] data = bytes(300_000);
        MessageDigest ours = NativeSha256.create();
        MessageDigest jdk = NativeSha256.jdk();
        ours.update(bytes(100)); // thrown away by the reset
        ours.reset();
        for (int pos = 0; pos < data.length; ) {
            int n = Math.min(data.length - pos, random.nextInt(5000));
            if (n == 1) {
                ours.update(data[pos]);
                jdk.update(data[pos]);
            } else {
                ours.update(data, pos, n);
                jdk.update(data, pos, n);
            }
            pos += n;
        }
        assertThat(ours.digest()).isEqualTo(jdk.digest());
        // digest() leaves both ready for a new message
        assertThat(ours.digest(data)).isEqualTo(jdk.digest(data));
    }

    @Test
    void clone_continuesIndependently() throws CloneNotSupportedException {
        byte[] head = bytes(1000);
        byte[] tailA = bytes(777);
        byte[] tailB = bytes(555);
        MessageDigest ours = NativeSha256.create();
        ours.update(head);
        MessageDigest copy = (MessageDigest) ours.clone();
        ours.update(tailA);
        copy.update(tailB);
        assertThat(ours.digest()).isEqualTo(jdkOf(head, tailA));
        assertThat(copy.digest()).isEqualTo(jdkOf(head, tailB));
    }

    private byte[] jdkOf(byte[] a, byte[] b) {
        MessageDigest jdk = NativeSha256.jdk();
        jdk.update(a);
        jdk.update(b);
        return jdk.digest();
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
