package dev.kiln.worker.executor;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.worker.sys.RootPath;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Resolves a Dockerfile USER value against the rootfs's /etc/passwd and /etc/group with the semantics
 * BuildKit gets from runc's user package: {@code uid:gid} needs no files; a name or a lone uid is looked
 * up, and a user found by name or uid gets the supplementary groups listing it; a numeric uid or gid
 * without an entry is used as is (gid 0 by default); an unknown name is an error, except that the
 * default user (empty) falls back to root when the image has no usable passwd file.
 */
final class UserResolver {
    private static final Pattern NUMERIC = Pattern.compile("[0-9]{1,10}");
    private static final long MAX_ID = Integer.MAX_VALUE;
    private static final long MAX_FILE_SIZE = 16 << 20;

    private UserResolver() {
    }

    static ResolvedUser resolve(Path rootfs, String user) {
        boolean isDefault = user.isEmpty();
        String spec = isDefault ? "0" : user;
        Optional<ResolvedUser> numeric = bothNumeric(spec);
        if (numeric.isPresent()) {
            return numeric.get();
        }
        List<String[]> passwd = readEntries(rootfs, "/etc/passwd");
        List<String[]> group = readEntries(rootfs, "/etc/group");
        try {
            return lookUp(spec, passwd, group);
        } catch (KilnException e) {
            if (isDefault) {
                return ResolvedUser.ROOT;
            }
            throw e;
        }
    }

    /** BuildKit's fast path: both parts given, each numeric or "root". */
    private static Optional<ResolvedUser> bothNumeric(String spec) {
        String[] parts = spec.split(":", 2);
        if (parts.length != 2 || !isId(parts[0]) || !isId(parts[1])) {
            return Optional.empty();
        }
        return Optional.of(new ResolvedUser(id(parts[0]), id(parts[1]), List.of()));
    }

    private static boolean isId(String s) {
        return s.equals("root") || NUMERIC.matcher(s).matches() && Long.parseLong(s) <= MAX_ID;
    }

    private static long id(String s) {
        return s.equals("root") ? 0 : Long.parseLong(s);
    }

    private static ResolvedUser lookUp(String spec, List<String[]> passwd, List<String[]> group) {
        String[] parts = spec.split(":", -1);
        String userArg = parts[0];
        String groupArg = parts.length > 1 ? parts[1] : "";
        boolean userNumeric = NUMERIC.matcher(userArg).matches();
        Predicate<String[]> userMatch = userArg.isEmpty() ? u -> number(u, 2) == 0
                : userNumeric ? u -> number(u, 2) == Long.parseLong(userArg) : u -> field(u, 0).equals(userArg);
        Optional<String[]> found = passwd.stream().filter(userMatch).findFirst();
        long uid = 0;
        long gid = 0;
        String matchedName = "";
        if (found.isPresent()) {
            uid = number(found.get(), 2);
            gid = number(found.get(), 3);
            matchedName = field(found.get(), 0);
        } else if (!userArg.isEmpty()) {
            if (!userNumeric) {
                throw new KilnException(ErrorKind.NOT_FOUND,
                        "unable to find user " + userArg + ": no matching entries in passwd file");
            }
            uid = inRange(Long.parseLong(userArg));
        }
        if (!groupArg.isEmpty()) {
            return new ResolvedUser(uid, explicitGroup(groupArg, group), List.of());
        }
        String member = matchedName;
        List<Long> supplementary = member.isEmpty() ? List.of() : group.stream()
                .filter(g -> Arrays.asList(field(g, 3).split(",")).contains(member))
                .map(g -> number(g, 2))
                .toList();
        return new ResolvedUser(uid, gid, supplementary);
    }

    private static long explicitGroup(String groupArg, List<String[]> group) {
        boolean numeric = NUMERIC.matcher(groupArg).matches();
        Predicate<String[]> match = numeric ? g -> number(g, 2) == Long.parseLong(groupArg)
                : g -> field(g, 0).equals(groupArg);
        Optional<String[]> found = group.stream().filter(match).findFirst();
        if (found.isPresent()) {
            return number(found.get(), 2);
        }
        if (!numeric) {
            throw new KilnException(ErrorKind.NOT_FOUND,
                    "unable to find group " + groupArg + ": no matching entries in group file");
        }
        return inRange(Long.parseLong(groupArg));
    }

    private static long inRange(long id) {
        if (id > MAX_ID) {
            throw new KilnException(ErrorKind.INVALID_ARGUMENT, "uids and gids must be in range 0-" + MAX_ID);
        }
        return id;
    }

    /** A missing or unreadable file counts as absent, as in BuildKit; bad UTF-8 is replaced, not fatal. */
    private static List<String[]> readEntries(Path rootfs, String file) {
        Path path = RootPath.resolve(rootfs, file);
        byte[] content;
        try {
            if (!Files.isRegularFile(path)) {
                return List.of();
            }
            if (Files.size(path) > MAX_FILE_SIZE) {
                throw new KilnException(ErrorKind.INVALID_ARGUMENT, file + " in the rootfs is larger than 16 MiB");
            }
            content = Files.readAllBytes(path);
        } catch (IOException e) {
            return List.of();
        }
        return new String(content, StandardCharsets.UTF_8).lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .map(l -> l.split(":", -1))
                .toList();
    }

    private static String field(String[] entry, int index) {
        return index < entry.length ? entry[index] : "";
    }

    /** Like Go's Atoi with the error ignored: a malformed number reads as 0. */
    private static long number(String[] entry, int index) {
        String s = field(entry, index);
        return NUMERIC.matcher(s).matches() ? Long.parseLong(s) : 0;
    }
}
