package dev.kiln.cli.progress;

import java.io.OutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * BuildKit's {@code --progress=plain} format: one block per vertex ({@code #N name}), log lines prefixed
 * with the seconds since the vertex started, and a closing {@code DONE 1.2s}, {@code CACHED},
 * {@code ERROR: msg} or {@code CANCELED}. When output switches to another vertex mid-stream the open
 * block is closed with {@code #N ...} and reopened later, as BuildKit does. Thread-safe.
 */
public final class PlainProgress {
    private final PrintStream out;
    private final Map<String, Vertex> vertices = new HashMap<>();
    private Vertex current;
    private boolean notFirst;
    private int nextIndex = 1;

    public PlainProgress(PrintStream out) {
        this.out = out;
    }

    /** A printer that shows nothing ({@code --progress=quiet}, check mode). */
    public static PlainProgress discarding() {
        return new PlainProgress(new PrintStream(OutputStream.nullOutputStream()));
    }

    private static final class Vertex {
        final int index;
        final String name;
        long startedNanos;
        final StringBuilder partialLine = new StringBuilder();

        Vertex(int index, String name) {
            this.index = index;
            this.name = name;
        }
    }

    public synchronized void started(String id, String name, long nanoTime) {
        Vertex v = vertex(id, name);
        v.startedNanos = nanoTime;
        focus(v);
    }

    public synchronized void cached(String id, String name) {
        Vertex v = vertex(id, name);
        focus(v);
        out.println("#" + v.index + " CACHED");
        current = null;
    }

    /** Output of the vertex's process; split into lines, each prefixed with its time offset. */
    public synchronized void log(String id, byte[] data, long nanoTime) {
        Vertex v = vertices.get(id);
        if (v == null) {
            return;
        }
        String text = new String(data, StandardCharsets.UTF_8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                emitLine(v, nanoTime);
            } else if (c != '\r') {
                v.partialLine.append(c);
            }
        }
    }

    /** A status line such as {@code transferring context: 2.10MB done}. */
    public synchronized void status(String id, String text) {
        Vertex v = vertices.get(id);
        if (v == null) {
            return;
        }
        focus(v);
        out.println("#" + v.index + " " + text);
    }

    public synchronized void completed(String id, long nanoTime) {
        Vertex v = vertices.get(id);
        if (v == null) {
            return;
        }
        flushPartial(v, nanoTime);
        focus(v);
        out.println("#" + v.index + " DONE " + fixed((nanoTime - v.startedNanos) / 1e9, 1) + "s");
        current = null;
    }

    public synchronized void failed(String id, String message, boolean canceled, long nanoTime) {
        Vertex v = vertices.get(id);
        if (v == null) {
            return;
        }
        flushPartial(v, nanoTime);
        focus(v);
        out.println(canceled ? "#" + v.index + " CANCELED" : "#" + v.index + " ERROR: " + message);
        current = null;
    }

    private void emitLine(Vertex v, long nanoTime) {
        focus(v);
        out.println("#" + v.index + " " + seconds(nanoTime - v.startedNanos) + " " + v.partialLine);
        v.partialLine.setLength(0);
    }

    private void flushPartial(Vertex v, long nanoTime) {
        if (!v.partialLine.isEmpty()) {
            emitLine(v, nanoTime);
        }
    }

    private Vertex vertex(String id, String name) {
        return vertices.computeIfAbsent(id, k -> new Vertex(nextIndex++, name));
    }

    private void focus(Vertex v) {
        if (v == current) {
            return;
        }
        if (current != null) {
            out.println("#" + current.index + " ...");
        }
        if (notFirst) {
            out.println();
        }
        notFirst = true;
        out.println("#" + v.index + " " + v.name);
        current = v;
    }

    /** BuildKit prints 3 decimals below 10 s, 2 below 100 s, then 1. */
    static String seconds(long nanos) {
        double s = Math.max(0, nanos) / 1e9;
        return fixed(s, s < 10 ? 3 : s < 100 ? 2 : 1);
    }

    /** Sizes as BuildKit's units package shows them: {@code 227B}, {@code 32.77kB}, {@code 2.10MB}. */
    public static String bytes(long n) {
        if (n < 1000) {
            return n + "B";
        }
        String[] units = {"kB", "MB", "GB", "TB"};
        double v = n;
        int u = -1;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return fixed(v, 2) + units[u];
    }

    /**
     * Go's {@code %.Nf} for a non-negative finite value: its exact binary value rounded half-to-even (Java's
     * Formatter rounds half-up). Done in integers: BigDecimal would cost every build its class initialization
     * (some 15 ms of a cold JVM) for a progress line.
     */
    static String fixed(double value, int decimals) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            return String.valueOf(value);
        }
        long bits = Double.doubleToRawLongBits(value);
        int exponent = (int) ((bits >> 52) & 0x7ff);
        long mantissa = bits & 0xfffffffffffffL;
        if (exponent == 0) {
            exponent = 1; // subnormal
        } else {
            mantissa |= 1L << 52;
        }
        int shift = exponent - 1075; // value = mantissa * 2^shift
        BigInteger scaled = BigInteger.valueOf(mantissa).multiply(BigInteger.TEN.pow(decimals));
        BigInteger units;
        if (shift >= 0) {
            units = scaled.shiftLeft(shift);
        } else {
            units = scaled.shiftRight(-shift);
            BigInteger rest = scaled.subtract(units.shiftLeft(-shift));
            int half = rest.shiftLeft(1).compareTo(BigInteger.ONE.shiftLeft(-shift));
            if (half > 0 || half == 0 && units.testBit(0)) {
                units = units.add(BigInteger.ONE);
            }
        }
        String digits = units.toString();
        if (decimals == 0) {
            return digits;
        }
        digits = "0".repeat(Math.max(0, decimals + 1 - digits.length())) + digits;
        return digits.substring(0, digits.length() - decimals) + "." + digits.substring(digits.length() - decimals);
    }
}
