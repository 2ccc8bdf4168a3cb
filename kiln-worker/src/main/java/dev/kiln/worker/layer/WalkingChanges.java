package dev.kiln.worker.layer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.Predicate;

/**
 * continuity's double-walking differ: walks the lower and the upper tree side by side in path order and reports
 * additions, modifications and deletions (a deleted directory once, not its contents), plus unmodified hard-linked
 * files so the {@link ChangeWriter} can keep links whole.
 */
final class WalkingChanges {
    private final Path lower;
    private final Path upper;
    private final Predicate<FileNode> keepUpper;
    private final String prefix;
    private final ChangeWriter out;

    /**
     * @param keepUpper which upper entries exist (the overlay differ hides whiteouts with it)
     * @param prefix prepended to every reported path (the subtree's place in the whole layer)
     */
    WalkingChanges(Path lower, Path upper, Predicate<FileNode> keepUpper, String prefix, ChangeWriter out) {
        this.lower = lower;
        this.upper = upper;
        this.keepUpper = keepUpper;
        this.prefix = prefix;
        this.out = out;
    }

    void run() throws IOException {
        try {
            compare(new TreeWalker(lower, n -> true), new TreeWalker(upper, keepUpper));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private void compare(TreeWalker lowers, TreeWalker uppers) throws IOException {
        FileNode f1 = lowers.hasNext() ? lowers.next() : null;
        FileNode f2 = uppers.hasNext() ? uppers.next() : null;
        String removedDir = null;
        while (f1 != null || f2 != null) {
            int cmp = f1 == null ? 1 : f2 == null ? -1 : directoryCompare(f1.rel(), f2.rel());
            if (cmp > 0) {
                removedDir = null;
                out.handle(ChangeKind.ADD, prefix + f2.rel(), f2.stat());
                f2 = uppers.hasNext() ? uppers.next() : null;
            } else if (cmp < 0) {
                boolean insideRemoved = removedDir != null && f1.rel().startsWith(removedDir);
                if (!insideRemoved) {
                    removedDir = f1.isDirectory() ? f1.rel() + "/" : null;
                    out.handle(ChangeKind.DELETE, prefix + f1.rel(), null);
                }
                f1 = lowers.hasNext() ? lowers.next() : null;
            } else {
                boolean same = SameFile.same(f1.stat(), f1.path(), f2.stat(), f2.path());
                removedDir = f1.isDirectory() && !f2.isDirectory() ? f1.rel() + "/" : null;
                if (!same) {
                    out.handle(ChangeKind.MODIFY, prefix + f2.rel(), f2.stat());
                } else if (f2.isLinked()) {
                    out.handle(ChangeKind.UNMODIFIED, prefix + f2.rel(), f2.stat());
                }
                f1 = lowers.hasNext() ? lowers.next() : null;
                f2 = uppers.hasNext() ? uppers.next() : null;
            }
        }
    }

    /** Bytewise path order in which "/" sorts before every other byte, so a directory's contents follow it. */
    static int directoryCompare(String a, String b) {
        byte[] x = TarFormat.utf8(a);
        byte[] y = TarFormat.utf8(b);
        int n = Math.min(x.length, y.length);
        for (int i = 0; i < n; i++) {
            int c1 = x[i] == '/' ? 0 : x[i] & 0xff;
            int c2 = y[i] == '/' ? 0 : y[i] & 0xff;
            if (c1 != c2) {
                return Integer.compare(c1, c2);
            }
        }
        return Integer.compare(x.length, y.length);
    }
}
