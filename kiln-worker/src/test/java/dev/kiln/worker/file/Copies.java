package dev.kiln.worker.file;

import dev.kiln.graph.FileAction;

import java.util.List;

/** Builds {@link FileAction.Copy} actions with Dockerfile COPY's defaults (contents of dirs, follow links, wildcards). */
final class Copies {
    private String src;
    private String dest;
    private FileAction.Owner owner;
    private Integer mode;
    private String modeStr;
    private boolean followSymlink = true;
    private boolean dirCopyContents = true;
    private boolean createDestPath = true;
    private boolean allowWildcard = true;
    private boolean allowEmptyWildcard;
    private boolean alwaysReplace;
    private List<String> include = List.of();
    private List<String> exclude = List.of();
    private Long timestamp;

    static Copies copy(String src, String dest) {
        Copies c = new Copies();
        c.src = src;
        c.dest = dest;
        return c;
    }

    Copies owner(String user, String group) {
        owner = new FileAction.Owner(user, group);
        return this;
    }

    Copies mode(int m) {
        mode = m;
        return this;
    }

    Copies modeStr(String m) {
        modeStr = m;
        return this;
    }

    Copies noFollow() {
        followSymlink = false;
        return this;
    }

    Copies wholeDir() {
        dirCopyContents = false;
        return this;
    }

    Copies noCreateDestPath() {
        createDestPath = false;
        return this;
    }

    Copies noWildcard() {
        allowWildcard = false;
        return this;
    }

    Copies allowEmptyWildcard() {
        allowEmptyWildcard = true;
        return this;
    }

    Copies alwaysReplace() {
        alwaysReplace = true;
        return this;
    }

    Copies include(String... patterns) {
        include = List.of(patterns);
        return this;
    }

    Copies exclude(String... patterns) {
        exclude = List.of(patterns);
        return this;
    }

    Copies timestamp(long nanos) {
        timestamp = nanos;
        return this;
    }

    FileAction.Copy build() {
        return new FileAction.Copy(0, src, dest, owner, mode, modeStr, followSymlink, dirCopyContents, false,
                createDestPath, allowWildcard, allowEmptyWildcard, include, exclude, alwaysReplace, timestamp);
    }
}
