package dev.kiln.worker.ops;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.core.pattern.MatchInfo;
import dev.kiln.core.pattern.MatchResult;
import dev.kiln.core.pattern.PatternMatcher;
import dev.kiln.worker.sys.FileStat;
import dev.kiln.worker.sys.FileTrees;
import dev.kiln.worker.sys.LinuxFiles;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * Keeps a private copy of a build context in step with the user's directory, leaving out what the
 * ignore patterns exclude (BuildKit's incremental context transfer, without the session): files whose
 * type, size, mode, owner and mtime are unchanged are not copied again, files gone from the context
 * are deleted from the copy. Builds read the copy, never the user's tree, so a file changing
 * mid-build cannot tear a step, and an ignored file can never reach an image.
 *
 * <p>Every change to a file reaches the copy as a rename into its directory, and a directory whose own
 * metadata is unchanged is left untouched, so a directory of the copy whose stat (ctime above all) is
 * unchanged has unchanged entries: the context's {@link dev.kiln.worker.contenthash.StatCache} relies on
 * that to reuse a directory's checksum without looking at its files.
 */
final class ContextMirror {
    private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

    /** What a sync did, for the {@code transferring context} progress line. */
    record Stats(long files, long bytesCopied) {
    }

    private ContextMirror() {
    }

    /**
     * @param keepOut a directory never copied even when it lies inside the context: Kiln's own state root,
     *                which would otherwise copy itself into its own mirror
     */
    static Stats sync(Path context, PatternMatcher excludes, Path mirror, Path keepOut) throws IOException {
        if (!Files.isDirectory(context)) {
            throw new KilnException(ErrorKind.NOT_FOUND, "build context " + context + " is not a directory");
        }
        Files.createDirectories(mirror);
        Walker walker = new Walker(context, excludes, mirror, keepOut.toAbsolutePath().normalize());
        Files.walkFileTree(context, walker);
        deleteUnvisited(mirror, walker.kept);
        return new Stats(walker.files, walker.bytesCopied);
    }

    private static final class Walker extends SimpleFileVisitor<Path> {
        private final Path context;
        private final PatternMatcher excludes;
        private final Path mirror;
        private final Path keepOut;
        private final Deque<MatchInfo> parents = new ArrayDeque<>();
        final Set<Path> kept = new HashSet<>();
        long files;
        long bytesCopied;

        Walker(Path context, PatternMatcher excludes, Path mirror, Path keepOut) {
            this.context = context;
            this.excludes = excludes;
            this.mirror = mirror;
            this.keepOut = keepOut;
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
            if (dir.equals(context)) {
                parents.push(MatchInfo.NONE);
                return FileVisitResult.CONTINUE;
            }
            if (dir.toAbsolutePath().normalize().equals(keepOut)) {
                return FileVisitResult.SKIP_SUBTREE;
            }
            String rel = relative(dir);
            MatchResult m = excludes.matchesUsingParentResults(rel, parents.peek());
            if (m.matched() && excludes.canSkipDirectory(rel)) {
                return FileVisitResult.SKIP_SUBTREE;
            }
            parents.push(m.info());
            if (!m.matched()) {
                keep(dir, attrs);
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
            if (e != null) {
                throw e;
            }
            parents.pop();
            Path target = mirror.resolve(context.relativize(dir).toString());
            if (kept.contains(target)) {
                Instant mtime = LinuxFiles.lstat(dir).mtime();
                if (!LinuxFiles.lstat(target).mtime().equals(mtime)) {
                    Files.setLastModifiedTime(target, FileTime.from(mtime));
                }
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedIOException("context sync of " + context + " canceled");
            }
            if (!excludes.matchesUsingParentResults(relative(file), parents.peek()).matched()) {
                keep(file, attrs);
            }
            return FileVisitResult.CONTINUE;
        }

        private String relative(Path p) {
            return context.relativize(p).toString();
        }

        /** Mirrors one entry, creating parent directories that exclusions had skipped. */
        private void keep(Path source, BasicFileAttributes attrs) throws IOException {
            Path target = mirror.resolve(context.relativize(source).toString());
            for (Path p = target.getParent(); p != null && !p.equals(mirror) && kept.add(p); p = p.getParent()) {
                Files.createDirectories(p);
            }
            kept.add(target);
            files++;
            FileStat st = LinuxFiles.lstat(source);
            if (attrs.isDirectory()) {
                FileStat existing = LinuxFiles.lstatIfExists(target);
                if (existing == null || !existing.isDirectory()) {
                    FileTrees.deleteRecursively(target);
                    Files.createDirectory(target);
                    existing = null;
                }
                // An unchanged directory is left untouched: its ctime then says its entries are unchanged too.
                if (existing == null || existing.permissions() != st.permissions() || existing.uid() != st.uid()
                        || existing.gid() != st.gid()) {
                    copyOwnerAndMode(st, target);
                }
            } else if (!sameEntry(source, st, target)) {
                FileTrees.deleteRecursively(target);
                Path tmp = target.resolveSibling(".kiln-sync-" + target.getFileName());
                Files.copy(source, tmp, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING,
                        LinkOption.NOFOLLOW_LINKS);
                copyOwnerAndMode(st, tmp);
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                bytesCopied += attrs.isRegularFile() ? attrs.size() : 0;
            }
        }
    }

    /** Same type, permissions, owner, size and mtime (and link target): what a sync would copy is there. */
    private static boolean sameEntry(Path source, FileStat s, Path target) throws IOException {
        FileStat t = LinuxFiles.lstatIfExists(target);
        if (t == null || s.mode() != t.mode() || s.uid() != t.uid() || s.gid() != t.gid() || s.size() != t.size()
                || !s.mtime().equals(t.mtime())) {
            return false;
        }
        return !s.isSymlink() || Files.readSymbolicLink(source).equals(Files.readSymbolicLink(target));
    }

    /** Owner, mode and mtime; a symlink's own mtime too, or the next sync would take it for changed. */
    private static void copyOwnerAndMode(FileStat source, Path target) throws IOException {
        LinuxFiles.lchown(target, source.uid(), source.gid());
        if (!source.isSymlink()) {
            LinuxFiles.chmod(target, source.permissions());
        }
        LinuxFiles.setTimes(target, source.mtime(), source.mtime());
    }

    private static void deleteUnvisited(Path mirror, Set<Path> kept) throws IOException {
        try (var entries = Files.list(mirror)) {
            for (Path p : entries.toList()) {
                if (!kept.contains(p)) {
                    FileTrees.deleteRecursively(p);
                } else if (Files.isDirectory(p, NOFOLLOW)) {
                    deleteUnvisited(p, kept);
                }
            }
        }
    }
}
