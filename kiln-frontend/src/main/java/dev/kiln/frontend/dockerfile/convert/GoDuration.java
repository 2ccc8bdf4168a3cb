package dev.kiln.frontend.dockerfile.convert;

import java.util.Locale;

/** Go's {@code time.Duration.String()} for non-negative durations: {@code 0s}, {@code 100ms}, {@code 1h2m3.5s}. */
final class GoDuration {
    private static final long MICRO = 1_000;
    private static final long MILLI = 1_000_000;
    private static final long SECOND = 1_000_000_000;

    private GoDuration() {
    }

    static String format(long nanos) {
        if (nanos == 0) {
            return "0s";
        }
        if (nanos < MICRO) {
            return nanos + "ns";
        }
        if (nanos < MILLI) {
            return fraction(nanos, MICRO) + "µs";
        }
        if (nanos < SECOND) {
            return fraction(nanos, MILLI) + "ms";
        }
        long totalSeconds = nanos / SECOND;
        long hours = totalSeconds / 3600;
        long minutes = totalSeconds / 60 % 60;
        String seconds = fraction(totalSeconds % 60 * SECOND + nanos % SECOND, SECOND) + "s";
        if (hours > 0) {
            return hours + "h" + minutes + "m" + seconds;
        }
        return minutes > 0 ? minutes + "m" + seconds : seconds;
    }

    /** {@code n / unit} with the remainder as a decimal fraction, trailing zeros removed. */
    private static String fraction(long n, long unit) {
        long whole = n / unit;
        long rest = n % unit;
        if (rest == 0) {
            return Long.toString(whole);
        }
        int digits = Long.toString(unit).length() - 1;
        String frac = String.format(Locale.ROOT, "%0" + digits + "d", rest).replaceAll("0+$", "");
        return whole + "." + frac;
    }
}
