package dev.kiln.worker.file;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;

import java.util.ArrayList;
import java.util.List;

/**
 * A chmod(1) symbolic mode such as {@code u+x,g-w,o=r} or {@code a+X} ({@code COPY --chmod}).
 * Clauses are applied left to right; a clause without {@code u}, {@code g}, {@code o} or
 * {@code a} applies to all (no umask). {@code X} adds execute only to directories and to files that
 * already have an execute bit; {@code s} and {@code t} are setuid/setgid and sticky; {@code u},
 * {@code g}, {@code o} as permissions copy that class's current bits.
 */
final class SymbolicMode {
    private static final int USER = 0700;
    private static final int GROUP = 0070;
    private static final int OTHER = 0007;
    private static final int SETUID = 04000;
    private static final int SETGID = 02000;
    private static final int STICKY = 01000;

    private record Action(char op, String perms) {
    }

    private record Clause(int who, List<Action> actions) {
    }

    private final String text;
    private final List<Clause> clauses;

    private SymbolicMode(String text, List<Clause> clauses) {
        this.text = text;
        this.clauses = clauses;
    }

    static SymbolicMode parse(String text) {
        List<Clause> clauses = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            clauses.add(clause(text, part));
        }
        return new SymbolicMode(text, List.copyOf(clauses));
    }

    private static Clause clause(String text, String part) {
        int i = 0;
        int who = 0;
        for (; i < part.length() && "ugoa".indexOf(part.charAt(i)) >= 0; i++) {
            who |= switch (part.charAt(i)) {
                case 'u' -> USER | SETUID;
                case 'g' -> GROUP | SETGID;
                case 'o' -> OTHER | STICKY;
                default -> USER | GROUP | OTHER | SETUID | SETGID | STICKY;
            };
        }
        if (who == 0) {
            who = USER | GROUP | OTHER | SETUID | SETGID | STICKY;
        }
        List<Action> actions = new ArrayList<>();
        while (i < part.length()) {
            char op = part.charAt(i++);
            if ("+-=".indexOf(op) < 0) {
                throw invalid(text);
            }
            int start = i;
            while (i < part.length() && "+-=".indexOf(part.charAt(i)) < 0) {
                i++;
            }
            String perms = part.substring(start, i);
            if (!perms.chars().allMatch(c -> "rwxXstugo".indexOf(c) >= 0) || mixesCopyAndBits(perms)) {
                throw invalid(text);
            }
            actions.add(new Action(op, perms));
        }
        if (actions.isEmpty()) {
            throw invalid(text);
        }
        return new Clause(who, List.copyOf(actions));
    }

    private static boolean mixesCopyAndBits(String perms) {
        boolean copy = perms.chars().anyMatch(c -> "ugo".indexOf(c) >= 0);
        return copy && perms.length() != 1;
    }

    /** The new permission bits (07777) for a file that has {@code mode} (including type bits) now. */
    int apply(int mode, boolean directory) {
        int perm = mode & 07777;
        for (Clause c : clauses) {
            for (Action a : c.actions()) {
                int bits = bits(a.perms(), perm, directory) & c.who();
                perm = switch (a.op()) {
                    case '+' -> perm | bits;
                    case '-' -> perm & ~bits;
                    default -> (perm & ~c.who()) | bits;
                };
            }
        }
        return perm;
    }

    private static int bits(String perms, int current, boolean directory) {
        int b = 0;
        for (char p : perms.toCharArray()) {
            b |= switch (p) {
                case 'r' -> 0444;
                case 'w' -> 0222;
                case 'x' -> 0111;
                case 'X' -> directory || (current & 0111) != 0 ? 0111 : 0;
                case 's' -> SETUID | SETGID;
                case 't' -> STICKY;
                case 'u' -> spread((current & USER) >> 6);
                case 'g' -> spread((current & GROUP) >> 3);
                default -> spread(current & OTHER);
            };
        }
        return b;
    }

    /** A 3-bit rwx value copied to all three classes (then masked by who). */
    private static int spread(int rwx) {
        return rwx << 6 | rwx << 3 | rwx;
    }

    private static KilnException invalid(String text) {
        return new KilnException(ErrorKind.INVALID_ARGUMENT, "invalid chmod mode: " + text);
    }

    @Override
    public String toString() {
        return text;
    }
}
