package dev.kiln.worker.sys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.core.Digest;
import java.security.MessageDigest;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Small messages, large ones, and everything between must hash exactly as the JDK's SHA-256 does. */
class NativeSha256Test {
    private final Random random = new Random(42);

    @Test
    void install_makesItTheSha256OfDigest() {
        NativeSha256.install();
        NativeSha256.install();
        assertThat(Digest.newSha256()).isInstanceOf(NativeSha256.class);
        assertThat(Digest.newSha256().getDigestLength()).isEqualTo(32);
        assertThat(NativeSha256.jdkDigest()).isNotInstanceOf(NativeSha256.class);
    }

    @Test
    void libcrypto_isThereOnTheTestMachines() {
        // Without it everything below would only compare the JDK with itself.
        assertThat(LibCrypto.get()).isPresent();
    }

    @Test
    void wholeMessages_ofManySizes_matchTheJdk() {
        for (int size : new int[] {0, 1, 55, 56, 64, 65, NativeSha256.SMALL - 1, NativeSha256.SMALL,
                NativeSha256.SMALL + 1, (1 << 20) + 17, 3 << 20}) {
            byte[] data = bytes(size);
            assertThat(new NativeSha256().digest(data)).as("size %d", size)
                    .isEqualTo(NativeSha256.jdkDigest().digest(data));
        }
    }

    @Test
    void shortMessages_onceLibcryptoIsLoaded_goThroughIt_andMatchTheJdk() {
        assertThat(LibCrypto.get()).isPresent();
        assertThat(LibCrypto.ifLoaded()).as("loaded: short messages take it from now on").isPresent();
        for (int size : new int[] {0, 1, 55, 56, 63, 64, 65, 1000, NativeSha256.SMALL}) {
            byte[] data = bytes(size);
            assertThat(new NativeSha256().digest(data)).as("size %d", size)
                    .isEqualTo(NativeSha256.jdkDigest().digest(data));
        }
    }

    @Test
    void slicesSingleBytesAndResets_matchTheJdk() {
        byte[] data = bytes(300_000);
        MessageDigest ours = new NativeSha256();
        MessageDigest jdk = NativeSha256.jdkDigest();
        ours.update(bytes(100_000)); // thrown away by the reset, though already past the small limit
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
        assertThat(ours.digest(data)).isEqualTo(jdk.digest(data)); // digest() left it ready for a new message
        assertThat(ours.digest(new byte[10])).isEqualTo(jdk.digest(new byte[10]));
    }

    @Test
    void clone_continuesIndependently_beforeAndAfterTheSmallLimit() throws CloneNotSupportedException {
        for (int headSize : new int[] {1000, 200_000}) {
            byte[] head = bytes(headSize);
            byte[] tailA = bytes(70_000);
            byte[] tailB = bytes(555);
            MessageDigest ours = new NativeSha256();
            ours.update(head);
            MessageDigest copy = (MessageDigest) ours.clone();
            ours.update(tailA);
            copy.update(tailB);
            assertThat(ours.digest()).isEqualTo(jdkOf(head, tailA));
            assertThat(copy.digest()).isEqualTo(jdkOf(head, tailB));
        }
    }

    private static byte[] jdkOf(byte[] a, byte[] b) {
        MessageDigest jdk = NativeSha256.jdkDigest();
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
