package dev.kiln.worker.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.Digest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LayerStreamTest {
    private static byte[] random(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    @Test
    void readsTheUncompressedBytes_andDigestsAllOfThem() throws IOException {
        byte[] plain = random(3_000_000);
        try (LayerStream s = LayerStream.start(new ByteArrayInputStream(Compression.gzip(plain)))) {
            byte[] head = s.readNBytes(1000);
            assertThat(s.skip(500_000)).isEqualTo(500_000);
            byte[] next = s.readNBytes(1000);
            s.drain();
            assertThat(head).isEqualTo(Arrays.copyOf(plain, 1000));
            assertThat(next).isEqualTo(Arrays.copyOfRange(plain, 501_000, 502_000));
            assertThat(s.read()).isEqualTo(-1);
            assertThat(s.digest()).isEqualTo(Digest.sha256(plain));
            assertThat(s.count()).isEqualTo(plain.length);
        }
    }

    @Test
    void digest_beforeTheEnd_isRefused() throws IOException {
        try (LayerStream s = LayerStream.start(new ByteArrayInputStream(random(10)))) {
            assertThatThrownBy(s::digest).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void corruptInput_failsAfterTheGoodBytes() throws IOException {
        byte[] plain = random(2_000_000);
        byte[] gz = Compression.gzip(plain);
        try (LayerStream s = LayerStream.start(new ByteArrayInputStream(Arrays.copyOf(gz, gz.length / 2)))) {
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            assertThatThrownBy(() -> s.transferTo(got)).isInstanceOf(MalformedLayerException.class)
                    .hasMessageContaining("truncated");
            assertThat(got.size()).isPositive();
            assertThat(got.toByteArray()).isEqualTo(Arrays.copyOf(plain, got.size()));
        }
    }

    @Test
    void close_beforeTheEnd_stopsTheReaderThread() throws Exception {
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 0;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                Arrays.fill(b, off, off + len, (byte) 0);
                return len;
            }
        };
        LayerStream s = LayerStream.start(endless);
        assertThat(s.readNBytes(10)).hasSize(10);
        s.close();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("kiln-layer-inflate"));
    }
}
