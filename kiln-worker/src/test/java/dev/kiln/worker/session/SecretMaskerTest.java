package dev.kiln.worker.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SecretMaskerTest {
    private static final SecretMasker MASKER = SecretMasker.of(Map.of(
            "token", bytes("hunter2-token\n"),
            "short", bytes("ab"),
            "abc", bytes("abc"),
            "abcdef", bytes("abcdef")));

    @Test
    void wrap_replacesEachValue_keepingItsTrailingLineBreak() throws IOException {
        assertThat(masked(List.of("pw=hunter2-token\nnext\n"))).isEqualTo("pw=***\nnext\n");
    }

    @Test
    void wrap_valueWithoutItsTrailingNewline_isMaskedToo() throws IOException {
        assertThat(masked(List.of("echo hunter2-token done"))).isEqualTo("echo *** done");
    }

    @Test
    void wrap_valueSplitAtEveryPossibleBoundary_isMasked() throws IOException {
        String text = "before hunter2-token after";
        for (int cut = 0; cut <= text.length(); cut++) {
            assertThat(masked(List.of(text.substring(0, cut), text.substring(cut))))
                    .as("cut at %d", cut).isEqualTo("before *** after");
        }
    }

    @Test
    void wrap_byteByByteWithFlushes_neverLeaksAPrefix() throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        OutputStream out = MASKER.wrap(sink);
        for (byte b : bytes("x hunter2-token y")) {
            out.write(b);
            out.flush();
            assertThat(sink.toString(StandardCharsets.UTF_8)).doesNotContain("hunter");
        }
        out.close();
        assertThat(sink.toString(StandardCharsets.UTF_8)).isEqualTo("x *** y");
    }

    @Test
    void wrap_heldBackPrefixThatNeverCompletes_isWrittenOnClose() throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        OutputStream out = MASKER.wrap(sink);
        out.write(bytes("log ends with hunter2"));
        out.flush();
        assertThat(sink.toString(StandardCharsets.UTF_8)).isEqualTo("log ends with ");
        out.close();
        assertThat(sink.toString(StandardCharsets.UTF_8)).isEqualTo("log ends with hunter2");
    }

    @Test
    void overlappingValues_longestWins() throws IOException {
        assertThat(masked(List.of("1abcdef2"))).isEqualTo("1***2");
        assertThat(masked(List.of("1abc", "def2"))).isEqualTo("1***2");
        assertThat(masked(List.of("1abc", "xyz"))).isEqualTo("1***xyz");
        assertThat(masked(List.of("1abc"))).isEqualTo("1***");
    }

    @Test
    void shortValues_areNotMasked() throws IOException {
        assertThat(masked(List.of("ab ab"))).isEqualTo("ab ab");
        assertThat(SecretMasker.of(Map.of("empty", new byte[0])).mask(bytes("anything"))).isEqualTo(bytes("anything"));
    }

    @Test
    void leakedIds_reportsWhichSecretsOccur() {
        assertThat(MASKER.leakedIds(bytes("xx hunter2-token abc"))).containsExactlyInAnyOrder("token", "abc");
        assertThat(MASKER.leakedIds(bytes("nothing here, ab"))).isEmpty();
    }

    @Test
    void randomChunking_matchesOneShotMasking_andHidesEverySecret() throws IOException {
        Random random = new Random(7);
        Map<String, byte[]> secrets = new LinkedHashMap<>();
        for (int i = 0; i < 5; i++) {
            secrets.put("s" + i, randomBytes(random, 3 + random.nextInt(20), 4));
        }
        SecretMasker masker = SecretMasker.of(secrets);
        for (int round = 0; round < 200; round++) {
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            for (int part = 0; part < 10; part++) {
                text.writeBytes(random.nextBoolean() ? randomBytes(random, random.nextInt(8), 4)
                        : secrets.get("s" + random.nextInt(5)));
            }
            byte[] data = text.toByteArray();
            ByteArrayOutputStream sink = new ByteArrayOutputStream();
            try (OutputStream out = masker.wrap(sink)) {
                for (int pos = 0; pos < data.length; ) {
                    int n = Math.min(data.length - pos, random.nextInt(6));
                    out.write(data, pos, n);
                    pos += n;
                }
            }
            assertThat(sink.toByteArray()).isEqualTo(masker.mask(data));
            assertThat(masker.leakedIds(sink.toByteArray())).isEmpty();
        }
    }

    private static byte[] randomBytes(Random random, int n, int alphabet) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) ('a' + random.nextInt(alphabet));
        }
        return b;
    }

    private static String masked(List<String> chunks) throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (OutputStream out = MASKER.wrap(sink)) {
            for (String c : chunks) {
                out.write(bytes(c));
            }
        }
        return sink.toString(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
