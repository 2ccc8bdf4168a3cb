package dev.kiln.worker.file;

import dev.kiln.worker.sys.EntryCopier;
import dev.kiln.worker.sys.FileStat;
import dev.kiln.worker.sys.FileTrees;
import dev.kiln.worker.sys.LinuxFiles;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Copies one source tree like {@code cp -a} with BuildKit's rules (fsutil's copier): symlinks are
 * copied as links, hard links within the copy stay hard links, existing directories are merged,
 * other existing targets replaced, and metadata follows the {@link CopySpec}.
 */
final class TreeCopier {
    private final CopySpec spec;
    private final CopyFilter filter;
    private final boolean alwaysReplace;
    private final List<Path> roots;
    private final EntryCopier entries = new EntryCopier();

    TreeCopier(CopySpec spec, CopyFilter filter, boolean alwaysReplace, List<Path> roots) {
        this.spec = spec;
        this.filter = filter;
        this.alwaysReplace = alwaysReplace;
        this.roots = roots;
    }

    /**
     * Copies {@code src} to {@code target}. {@code rel} is the path below the copy's top ("" at the
     * top) that include/exclude patterns see; {@code overwrite} says whether an existing target
     * directory takes the source's metadata (true below the top).
     */
    void copy(Path src, String rel, Path target, boolean overwrite, CopyFilter.Scope scope)
            throws IOException, InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        FileStat st = LinuxFiles.lstat(src);
        CopyFilter.Decision decision = filter.decide(rel, st.isDirectory(), scope);
        if (decision.included()) {
            replaceIfNeeded(target, st);
            filter.createPendingParents(this, overwrite, spec);
        }
        if (!st.isDirectory()) {
            if (!decision.included()) {
                return;
            }
            ensureEmptyFileTarget(target);
        }
        boolean copyInfo = decision.included();
        boolean restoreTimes = false;
        switch (st.type()) {
            case FileStat.S_IFDIR -> {
                boolean created = copyDirectory(src, rel, target, st, overwrite, decision);
                if (!overwrite) {
                    copyInfo = created;
                    restoreTimes = !created;
                }
            }
            case FileStat.S_IFREG, FileStat.S_IFLNK, FileStat.S_IFCHR, FileStat.S_IFBLK, FileStat.S_IFIFO ->
                    entries.copy(src, target, st);
            default -> {
                return; // sockets cannot be copied meaningfully; fsutil skips them too
            }
        }
        if (copyInfo) {
            Metadata.copyFrom(st, src, target, spec);
        } else if (restoreTimes) {
            Metadata.copyTimes(st, target, spec.time());
        }
    }

    private boolean copyDirectory(Path src, String rel, Path dst, FileStat st, boolean overwrite, CopyFilter.Decision decision)
            throws IOException, InterruptedException {
        boolean created = false;
        if (decision.included()) {
            created = createDirectoryOnly(dst, st, overwrite);
        }
        if (decision.skipContents()) {
            return created;
        }
        filter.enter(src, dst, decision.included());
        try {
            List<Path> children;
            try (Stream<Path> list = Files.list(src)) {
                children = list.sorted().toList();
            }
            for (Path child : children) {
                String name = child.getFileName().toString();
                copy(child, rel.isEmpty() ? name : rel + "/" + name, dst.resolve(name), true, decision.scope());
            }
        } finally {
            filter.leave();
        }
        return created;
    }

    /** Makes {@code dst} a directory; an existing one takes the source mode when {@code overwrite}. */
    boolean createDirectoryOnly(Path dst, FileStat st, boolean overwrite) throws IOException {
        FileStat existing = LinuxFiles.lstatIfExists(dst);
        if (existing == null) {
            Files.createDirectory(dst);
            Metadata.chmod(dst, st.permissions());
            return true;
        }
        if (!existing.isDirectory()) {
            throw new FileSystemException(dst.toString(), null, "cannot copy to non-directory");
        }
        if (overwrite) {
            Metadata.chmod(dst, st.permissions());
        }
        return false;
    }

    private void replaceIfNeeded(Path target, FileStat src) throws IOException {
        if (!alwaysReplace) {
            return;
        }
        FileStat existing = LinuxFiles.lstatIfExists(target);
        if (existing != null && !(existing.isDirectory() && src.isDirectory())) {
            FileTrees.deleteRecursively(target);
        }
    }

    private void ensureEmptyFileTarget(Path target) throws IOException {
        FileStat existing = LinuxFiles.lstatIfExists(target);
        if (existing == null) {
            return;
        }
        if (existing.isDirectory()) {
            throw new FileSystemException(FileErrors.shown(target.toString(), roots), null,
                    "cannot replace to directory with file");
        }
        Files.delete(target);
    }
}
