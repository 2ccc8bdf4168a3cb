package dev.kiln.worker.file;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides which paths of a copy are taken and creates the directories leading to a taken path
 * only when needed (so {@code --exclude} can skip a directory yet a re-included file inside still
 * gets its parents).
 */
final class CopyFilter {
    /** Per-directory context handed to its children. */
    record Scope() {
        static final Scope TOP = new Scope();
    }

    record Decision(boolean included, Scope scope) {
    }

    private static final class PendingDir {
        final Path src;
        final Path dst;
        boolean created;

        PendingDir(Path src, Path dst, boolean created) {
            this.src = src;
            this.dst = dst;
            this.created = created;
        }
    }

    private final List<PendingDir> parents = new ArrayList<>();

    Decision decide(String rel, boolean directory, Scope parent) {
        return new Decision(true, Scope.TOP);
    }

    void enter(Path src, Path dst, boolean created) {
        parents.add(new PendingDir(src, dst, created));
    }

    void leave() {
        parents.removeLast();
    }

    /** Creates the not yet created directories above an included path, outermost first. */
    void createPendingParents(TreeCopier copier, boolean overwrite, CopySpec spec) throws IOException {
        for (PendingDir dir : parents) {
            if (dir.created) {
                continue;
            }
            Stat st = Stat.lstat(dir.src);
            if (copier.createDirectoryOnly(dir.dst, st, overwrite)) {
                Metadata.copyFrom(st, dir.src, dir.dst, spec);
            }
            dir.created = true;
        }
    }
}
