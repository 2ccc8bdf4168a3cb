package dev.kiln.worker.file;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.graph.FileAction.Owner;
import dev.kiln.worker.sys.RootPath;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Resolves {@code --chown} owners the way BuildKit does: names are looked up in the destination
 * filesystem's {@code /etc/passwd} and {@code /etc/group}; a bare numeric user also sets the group
 * to the same number, a user name to its primary group.
 */
final class Owners {
    private static final int UID_FIELD = 2;
    private static final int GID_FIELD = 3;
    private static final int GROUP_GID_FIELD = 2;

    private Owners() {
    }

    /** The ids for {@code owner}, or null when no owner was given (keep or default ownership). */
    static Ids resolve(Path root, Owner owner) {
        if (owner == null || (isBlank(owner.user()) && isBlank(owner.group()))) {
            return null;
        }
        Ids ids = isBlank(owner.user()) ? Ids.ROOT : user(root, owner.user());
        return isBlank(owner.group()) ? ids : new Ids(ids.uid(), group(root, owner.group()));
    }

    private static Ids user(Path root, String user) {
        OptionalInt number = number(user);
        if (number.isPresent()) {
            return new Ids(number.getAsInt(), number.getAsInt());
        }
        String[] entry = find(root, "/etc/passwd", user, GID_FIELD)
                .orElseThrow(() -> new KilnException(ErrorKind.NOT_FOUND,
                        "unable to find user " + user + ": no matching entries in passwd file"));
        return new Ids(field(entry, UID_FIELD, "/etc/passwd"), field(entry, GID_FIELD, "/etc/passwd"));
    }

    private static int group(Path root, String group) {
        OptionalInt number = number(group);
        if (number.isPresent()) {
            return number.getAsInt();
        }
        String[] entry = find(root, "/etc/group", group, GROUP_GID_FIELD)
                .orElseThrow(() -> new KilnException(ErrorKind.NOT_FOUND,
                        "unable to find group " + group + ": no matching entries in group file"));
        return field(entry, GROUP_GID_FIELD, "/etc/group");
    }

    private static Optional<String[]> find(Path root, String file, String name, int minField) {
        Path p = RootPath.resolve(root, file);
        List<String> lines;
        try {
            lines = Files.exists(p) ? Files.readAllLines(p, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw FileErrors.of("read", e, List.of(root));
        }
        return lines.stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(l -> l.split(":", -1))
                .filter(f -> f.length > minField && f[0].equals(name))
                .findFirst();
    }

    private static int field(String[] entry, int index, String file) {
        OptionalInt n = number(entry[index]);
        if (n.isEmpty()) {
            throw new KilnException(ErrorKind.INVALID_ARGUMENT, "invalid id " + entry[index] + " for " + entry[0] + " in " + file);
        }
        return n.getAsInt();
    }

    /** A non-negative 32-bit id, or empty when {@code s} is not a number. */
    private static OptionalInt number(String s) {
        if (s.isEmpty() || s.length() > 10 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalInt.empty();
        }
        long v = Long.parseLong(s);
        if (v > 0xFFFF_FFFEL) {
            throw new KilnException(ErrorKind.INVALID_ARGUMENT, "id out of range: " + s);
        }
        return OptionalInt.of((int) v);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isEmpty();
    }
}
