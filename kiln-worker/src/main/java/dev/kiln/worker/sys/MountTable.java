package dev.kiln.worker.sys;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The mount points this process sees, from /proc/self/mountinfo. */
public final class MountTable {
    private static final Path MOUNTINFO = Path.of("/proc/self/mountinfo");

    private MountTable() {
    }

    /** Every mount point, in mount order. */
    private static List<Path> mountPoints() throws IOException {
        List<Path> points = new ArrayList<>();
        for (String line : Files.readAllLines(MOUNTINFO, StandardCharsets.UTF_8)) {
            String[] fields = line.split(" ");
            if (fields.length > 4) {
                points.add(Path.of(unescape(fields[4])));
            }
        }
        return points;
    }

    /**
     * Mount points at or below {@code dir}, deepest first (so unmounting them in this order never finds a
     * mount still stacked below one just removed).
     */
    public static List<Path> mountPointsUnder(Path dir) throws IOException {
        Path base = dir.toAbsolutePath().normalize();
        return mountPoints().stream()
                .filter(p -> p.startsWith(base))
                .sorted(Comparator.comparingInt(Path::getNameCount).reversed())
                .toList();
    }

    /** mountinfo escapes space, tab, newline and backslash as three octal digits after a backslash. */
    static String unescape(String field) {
        if (field.indexOf('\\') < 0) {
            return field;
        }
        byte[] raw = field.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '\\' && isOctal(raw, i + 1)) {
                out.write(Integer.parseInt(new String(raw, i + 1, 3, StandardCharsets.US_ASCII), 8));
                i += 3;
            } else {
                out.write(raw[i]);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static boolean isOctal(byte[] raw, int from) {
        for (int i = from; i < from + 3; i++) {
            if (i >= raw.length || raw[i] < '0' || raw[i] > '7') {
                return false;
            }
        }
        return true;
    }
}
