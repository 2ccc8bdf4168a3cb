package dev.kiln.core.json;

import java.util.Arrays;
import java.util.Random;

/** Byte-level mutations of valid JSON for fuzz tests: flips, insertions of JSON's own characters, cuts, repeats. */
public final class Mutations {
    private static final byte[] INTERESTING = {'{', '}', '[', ']', '"', '\\', ',', ':', '0', '1', '-', '+', 'e', '.',
            'u', 'n', 't', 'f', ' ', '\n', 0, 0x1f, 0x7f, (byte) 0x80, (byte) 0xbf, (byte) 0xc3, (byte) 0xe2,
            (byte) 0xed, (byte) 0xf0, (byte) 0xf4, (byte) 0xff};

    private Mutations() {
    }

    /** {@code json} with one to three random mutations. */
    public static byte[] mutate(byte[] json, Random random) {
        byte[] out = json;
        int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations && out.length > 0; m++) {
            int at = random.nextInt(out.length);
            out = switch (random.nextInt(5)) {
                case 0 -> replace(out, at, random.nextBoolean() ? interesting(random) : (byte) random.nextInt(256));
                case 1 -> splice(out, at, at, new byte[]{interesting(random)});
                case 2 -> splice(out, at, Math.min(out.length, at + 1 + random.nextInt(3)), new byte[0]);
                case 3 -> Arrays.copyOf(out, at);
                default -> splice(out, at, at, Arrays.copyOfRange(out, random.nextInt(out.length), out.length));
            };
        }
        return out;
    }

    private static byte interesting(Random random) {
        return INTERESTING[random.nextInt(INTERESTING.length)];
    }

    private static byte[] replace(byte[] in, int at, byte b) {
        byte[] out = in.clone();
        out[at] = b;
        return out;
    }

    private static byte[] splice(byte[] in, int from, int to, byte[] insert) {
        byte[] out = new byte[in.length - (to - from) + insert.length];
        System.arraycopy(in, 0, out, 0, from);
        System.arraycopy(insert, 0, out, from, insert.length);
        System.arraycopy(in, to, out, from + insert.length, in.length - to);
        return out;
    }
}
