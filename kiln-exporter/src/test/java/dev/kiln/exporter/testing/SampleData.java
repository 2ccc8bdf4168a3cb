package dev.kiln.exporter.testing;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/** Reproducible test bytes that compress like real layers: text-like runs mixed with incompressible noise. */
public final class SampleData {
    private static final String[] WORDS = ("the quick brown fox jumps over lazy dog lib usr bin etc share locale "
            + "config json value null true false import export class static final return void int long").split(" ");

    private SampleData() {
    }

    public static byte[] compressible(int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] out = new byte[size];
        int i = 0;
        while (i < size) {
            if (random.nextInt(8) == 0) {
                int n = Math.min(size - i, 64 + random.nextInt(512));
                for (int k = 0; k < n; k++) {
                    out[i++] = (byte) random.nextInt(256);
                }
            } else {
                byte[] word = (WORDS[random.nextInt(WORDS.length)] + (random.nextInt(6) == 0 ? "\n" : " "))
                        .getBytes(StandardCharsets.US_ASCII);
                int n = Math.min(size - i, word.length);
                System.arraycopy(word, 0, out, i, n);
                i += n;
            }
        }
        return out;
    }
}
