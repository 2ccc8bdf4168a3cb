package dev.kiln.worker.session;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps secret values out of step output: {@link #wrap} filters a byte stream so every occurrence of a secret
 * reads {@code ***}, also when the value arrives split across writes; {@link #leakedIds} reports which secrets
 * occur in some bytes (leak tests, output checks).
 *
 * <p>What is masked: each value without its trailing line breaks (secret files usually end with one, which an echo
 * of the value does not print), so the value with them is masked too and the line break stays in the output where
 * it separates lines. Values shorter than {@link #MIN_LENGTH} bytes are not masked: replacing every "a" or "42" in
 * a log would make it unreadable, and the gaps would spell the secret
 * anyway. Where two values overlap at one position the longest wins.
 */
public final class SecretMasker {
    public static final int MIN_LENGTH = 3;
    static final byte[] MASK = {'*', '*', '*'};

    /** Pattern bytes longest first, each with the id of the secret it came from. */
    private final List<Pattern> patterns;
    private final boolean[] firstBytes = new boolean[256];

    record Pattern(String id, byte[] bytes) {
    }

    private SecretMasker(List<Pattern> patterns) {
        this.patterns = patterns;
        for (Pattern p : patterns) {
            firstBytes[p.bytes()[0] & 0xff] = true;
        }
    }

    public static SecretMasker of(Map<String, byte[]> secrets) {
        Map<String, Pattern> unique = new LinkedHashMap<>();
        secrets.forEach((id, value) -> {
            byte[] form = withoutLineBreak(value);
            if (form.length >= MIN_LENGTH) {
                unique.putIfAbsent(Arrays.toString(form), new Pattern(id, form));
            }
        });
        List<Pattern> sorted = new ArrayList<>(unique.values());
        sorted.sort(Comparator.comparingInt((Pattern p) -> p.bytes().length).reversed());
        return new SecretMasker(List.copyOf(sorted));
    }

    /** A stream that writes to {@code sink} with secrets masked; close it to write a held-back tail. */
    public OutputStream wrap(OutputStream sink) {
        return new MaskingOutputStream(sink, this);
    }

    /** {@code data} with every secret masked, for text that is complete (a vertex name, an error message). */
    public byte[] mask(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int kept = scan(data, data.length, true, out);
        out.write(data, kept, data.length - kept);
        return out.toByteArray();
    }

    /** Ids of the secrets whose value occurs anywhere in {@code data}. */
    public List<String> leakedIds(byte[] data) {
        return patterns.stream().filter(p -> indexOf(data, p.bytes()) >= 0).map(Pattern::id).distinct().toList();
    }

    /**
     * Writes data[0, n) to {@code out} with secrets masked, stopping early (unless at the end of the stream) where
     * the rest could be the start of a secret. Returns how many bytes were consumed; the caller keeps the others.
     */
    int scan(byte[] data, int n, boolean endOfStream, ByteArrayOutputStream out) {
        int start = 0;
        int i = 0;
        while (i < n) {
            if (!firstBytes[data[i] & 0xff]) {
                i++;
                continue;
            }
            if (!endOfStream && couldStartSecret(data, i, n)) {
                break;
            }
            int len = longestMatchAt(data, i, n);
            if (len > 0) {
                out.write(data, start, i - start);
                out.writeBytes(MASK);
                i += len;
                start = i;
            } else {
                i++;
            }
        }
        out.write(data, start, i - start);
        return i;
    }

    /** True when data[i, n) is shorter than some secret and equals its beginning: more bytes may complete it. */
    private boolean couldStartSecret(byte[] data, int i, int n) {
        int rest = n - i;
        for (Pattern p : patterns) {
            if (p.bytes().length > rest && Arrays.equals(data, i, n, p.bytes(), 0, rest)) {
                return true;
            }
        }
        return false;
    }

    private int longestMatchAt(byte[] data, int i, int n) {
        for (Pattern p : patterns) {
            int len = p.bytes().length;
            if (len <= n - i && Arrays.equals(data, i, i + len, p.bytes(), 0, len)) {
                return len;
            }
        }
        return 0;
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        for (int i = 0; i + pattern.length <= data.length; i++) {
            if (Arrays.equals(data, i, i + pattern.length, pattern, 0, pattern.length)) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] withoutLineBreak(byte[] value) {
        int end = value.length;
        while (end > 0 && (value[end - 1] == '\n' || value[end - 1] == '\r')) {
            end--;
        }
        return Arrays.copyOf(value, end);
    }
}
