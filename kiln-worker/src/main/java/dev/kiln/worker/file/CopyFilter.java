package dev.kiln.worker.file;

import dev.kiln.core.pattern.MatchInfo;
import dev.kiln.core.pattern.MatchResult;
import dev.kiln.core.pattern.PatternMatcher;
import dev.kiln.worker.sys.FileStat;
import dev.kiln.worker.sys.LinuxFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides which paths of a copy are taken ({@code COPY --include/--exclude}, fsutil semantics:
 * a path is taken when it or a parent matches an include pattern, if there are any, and no exclude
 * pattern) and creates the directories leading to a taken path only when needed, so {@code a/*}{@code /c}
 * does not create {@code a/b} unless {@code a/b/c} exists and a re-included file in an excluded
 * directory still gets its parents.
 */
final class CopyFilter {
    /** The pattern state of a directory, handed to its children. */
    record Scope(MatchInfo include, MatchInfo exclude) {
        static final Scope TOP = new Scope(MatchInfo.NONE, MatchInfo.NONE);
    }

    /** Whether a path is taken, whether its contents can be skipped unseen, and its children's scope. */
    record Decision(boolean included, boolean skipContents, Scope scope) {
        static final Decision TOP = new Decision(true, false, Scope.TOP);
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

    private final PatternMatcher include;
    private final PatternMatcher exclude;
    private final List<PendingDir> parents = new ArrayList<>();

    CopyFilter(List<String> includePatterns, List<String> excludePatterns) {
        this.include = includePatterns.isEmpty() ? null : PatternMatcher.compile(includePatterns);
        this.exclude = excludePatterns.isEmpty() ? null : PatternMatcher.compile(excludePatterns);
    }

    /** {@code rel} is the slash path below the copy's top, "" for the top itself (always taken). */
    Decision decide(String rel, boolean directory, Scope parent) {
        if (rel.isEmpty()) {
            return Decision.TOP;
        }
        boolean included = true;
        MatchInfo includeInfo = MatchInfo.NONE;
        if (include != null) {
            MatchResult r = include.matchesUsingParentResults(rel, parent.include());
            included = r.matched();
            includeInfo = r.info();
        }
        boolean excluded = false;
        MatchInfo excludeInfo = MatchInfo.NONE;
        if (exclude != null) {
            MatchResult r = exclude.matchesUsingParentResults(rel, parent.exclude());
            excluded = r.matched();
            excludeInfo = r.info();
        }
        boolean skip = directory && excluded && include == null && exclude.canSkipDirectory(rel);
        return new Decision(included && !excluded, skip, new Scope(includeInfo, excludeInfo));
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
            FileStat st = LinuxFiles.lstat(dir.src);
            if (copier.createDirectoryOnly(dir.dst, st, overwrite)) {
                Metadata.copyFrom(st, dir.src, dir.dst, spec);
            }
            dir.created = true;
        }
    }
}
