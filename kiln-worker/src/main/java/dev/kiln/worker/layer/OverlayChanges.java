package dev.kiln.worker.layer;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.worker.sys.FileStat;
import dev.kiln.worker.sys.LinuxFiles;
import dev.kiln.worker.sys.Xattrs;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * BuildKit's overlay differ: the changes are exactly what the upper directory holds, judged against the merged
 * lower tree. A whiteout device (char 0:0) deletes what the lower tree has there (and is dropped if it has
 * nothing); an entry that exists below is a modification unless its metadata is unchanged (so a directory copied
 * up only because something inside it changed is not written for itself, while one copied up for a chmod or chown
 * is); an opaque directory is diffed against the lower directory in full, yielding a whiteout for every lower
 * entry it hides.
 */
final class OverlayChanges {
    private static final byte[] YES = {'y'};

    private final Path upperdir;
    private final Path lowerRoot;
    private final ChangeWriter out;

    OverlayChanges(Path upperdir, Path lowerRoot, ChangeWriter out) {
        this.upperdir = upperdir;
        this.lowerRoot = lowerRoot;
        this.out = out;
    }

    void run() throws IOException {
        visit("", upperdir, true);
    }

    /**
     * @param lowerIsDir whether {@code rel} is a real directory in the lower tree; when not, nothing below it can
     *     exist there (a lower symlink at {@code rel} is never followed)
     */
    private void visit(String rel, Path dir, boolean lowerIsDir) throws IOException {
        for (String name : TreeWalker.sortedNames(dir)) {
            String childRel = rel + "/" + name;
            Path upper = dir.resolve(name);
            Path lower = lowerRoot.resolve(childRel.substring(1));
            FileStat st = LinuxFiles.lstat(upper);
            FileStat lowerSt = lowerIsDir ? LinuxFiles.lstatIfExists(lower) : null;
            if (st.isDirectory() && Xattrs.get(upper, "trusted.overlay.redirect") != null) {
                throw new KilnException(ErrorKind.FAILED_PRECONDITION, "overlay upper directory " + upperdir
                        + " uses redirect_dir at " + childRel + ", which the overlay differ cannot read");
            }
            if (st.isWhiteout()) {
                if (lowerSt != null) {
                    out.handle(ChangeKind.DELETE, childRel, st);
                }
                continue;
            }
            if (lowerSt == null) {
                out.handle(ChangeKind.ADD, childRel, st);
            } else if (!SameFile.same(lowerSt, lower, st, upper)) {
                out.handle(ChangeKind.MODIFY, childRel, st);
            }
            if (st.isDirectory()) {
                boolean lowerDir = lowerSt != null && lowerSt.isDirectory();
                if (lowerDir && isOpaque(upper)) {
                    new WalkingChanges(lower, upper, n -> !n.stat().isWhiteout(), childRel, out).run();
                } else {
                    visit(childRel, upper, lowerDir);
                }
            }
        }
    }

    private static boolean isOpaque(Path dir) throws IOException {
        return Arrays.equals(Xattrs.get(dir, "trusted.overlay.opaque"), YES)
                || Arrays.equals(Xattrs.get(dir, "user.overlay.opaque"), YES);
    }
}
