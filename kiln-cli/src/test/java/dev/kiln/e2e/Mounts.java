package dev.kiln.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The mount table as the kernel reports it ({@code /proc/self/mountinfo}). */
final class Mounts {
    private static final Pattern OCTAL = Pattern.compile("\\\\([0-7]{3})");

    private Mounts() {
    }

    /** Mount points at or below {@code dir}, deepest first (the order to unmount them in). */
    static List<Path> under(Path dir) {
        Path base = dir.toAbsolutePath().normalize();
        try {
            return Files.readAllLines(Path.of("/proc/self/mountinfo")).stream()
                    .map(line -> Path.of(unescape(line.split(" ")[4])))
                    .filter(p -> p.startsWith(base))
                    .sorted(Comparator.comparingInt(Path::getNameCount).reversed())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Detaches what a failed test left mounted, so that its temp directory can be deleted. */
    static void detachAll(Path dir) {
        for (Path p : under(dir)) {
            Tool.run("umount", "-l", p.toString());
        }
    }

    /** mountinfo writes space, tab, newline and backslash as octal escapes. */
    private static String unescape(String field) {
        Matcher m = OCTAL.matcher(field);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 8))));
        }
        return m.appendTail(sb).toString();
    }
}
