package dev.kiln.worker.contenthash;

import dev.kiln.core.Digest;
import dev.kiln.core.pattern.FilepathMatch;
import dev.kiln.core.pattern.MatchInfo;
import dev.kiln.core.pattern.MatchResult;
import dev.kiln.core.pattern.PatternMatcher;
import dev.kiln.worker.sys.FileStat;
import dev.kiln.worker.sys.LinuxFiles;
import dev.kiln.worker.sys.RootPath;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * Checksums of wildcard and include/exclude selectors (BuildKit's {@code includedPaths}): the
 * entries of the tree in name order whose path matches the wildcard (or lies below a match) and
 * passes the patterns, with the headers of the directories leading to them; their base names and
 * checksums are hashed together. Directories count by their headers only, since their contents
 * may be filtered.
 */
final class IncludedPaths {
    /** One entry of the walk: its path as requested, and whether it is a directory header. */
    private record Node(String path, Path file, FileStat stat) {
        boolean header() {
            return stat.isDirectory();
        }
    }

    private static final class Included {
        final Node node;
        MatchInfo includeInfo = MatchInfo.NONE;
        MatchInfo excludeInfo = MatchInfo.NONE;
        boolean included;
        Digest digest;

        Included(Node node) {
            this.node = node;
        }
    }

    private final ContentHash hash;
    private final ChecksumOptions options;
    private final PatternMatcher include;
    private final PatternMatcher exclude;

    private IncludedPaths(ContentHash hash, ChecksumOptions options) {
        this.hash = hash;
        this.options = options;
        this.include = options.includePatterns().isEmpty() ? null : PatternMatcher.compile(options.includePatterns());
        this.exclude = options.excludePatterns().isEmpty() ? null : PatternMatcher.compile(options.excludePatterns());
    }

    static Digest checksum(ContentHash hash, String requested, ChecksumOptions options) throws IOException {
        return new IncludedPaths(hash, options).compute(requested);
    }

    private Digest compute(String requested) throws IOException {
        boolean endsInSep = requested.endsWith("/");
        List<String> parts = RootPath.clean(requested);
        String p = parts.isEmpty() ? "" : "/" + String.join("/", parts);
        List<Included> selected = options.wildcard() ? wildcard(p, parts) : plain(p, endsInSep);
        if (options.followLinks()) {
            for (Included i : selected) {
                if (i.node.stat().isSymlink()) {
                    i.digest = hash.lazy(i.node.path(), true);
                }
            }
        }
        if (selected.isEmpty()) {
            return ContentHash.EMPTY;
        }
        if (selected.size() == 1 && base(requested).equals(base(selected.getFirst().node.path()))) {
            return selected.getFirst().digest;
        }
        MessageDigest sha = Digest.newSha256();
        for (int i = 0; i < selected.size(); i++) {
            if (i > 0) {
                sha.update((byte) 0);
            }
            sha.update(base(selected.get(i).node.path()).getBytes(StandardCharsets.UTF_8));
            sha.update(selected.get(i).digest.toString().getBytes(StandardCharsets.UTF_8));
        }
        return Digest.fromSha256(sha);
    }

    private List<Included> wildcard(String p, List<String> parts) throws IOException {
        int first = 0;
        while (first < parts.size() && !FilepathMatch.containsWildcards(parts.get(first))) {
            first++;
        }
        String prefix = first == 0 ? "" : "/" + String.join("/", parts.subList(0, first));
        Path start = RootPath.resolve(hash.root(), prefix.isEmpty() ? "/" : prefix, first < parts.size());
        List<Included> out = new ArrayList<>();
        List<Included> parents = new ArrayList<>();
        String lastMatched = null;
        for (Node n : walk(start, prefix)) {
            popParents(parents, n.path());
            if (lastMatched == null || !n.path().startsWith(lastMatched + "/")) {
                if (p.isEmpty() || !FilepathMatch.matches(p, n.path())) {
                    continue;
                }
                lastMatched = n.path();
            }
            consider(n, relative(n.path(), lastMatched), parents, out);
        }
        return out;
    }

    private List<Included> plain(String p, boolean endsInSep) throws IOException {
        Path start = RootPath.resolve(hash.root(), p.isEmpty() ? "/" : p, false);
        FileStat st = LinuxFiles.lstatIfExists(start);
        if (st == null) {
            return List.of();
        }
        if (!st.isDirectory()) {
            // BuildKit would select nothing here (its walk starts below the path), making the key blind
            // to the file's content; a filtered single file is taken as it is instead.
            Included only = new Included(new Node(p, start, st));
            only.digest = hash.entry(start, st);
            return List.of(only);
        }
        List<Included> out = new ArrayList<>();
        List<Included> parents = new ArrayList<>();
        for (Node n : walk(start, p)) {
            popParents(parents, n.path());
            if (n.path().equals(p) && endsInSep) {
                continue;
            }
            consider(n, relative(n.path(), p), parents, out);
        }
        return out;
    }

    /** Applies the patterns to one entry; a directory header is remembered as a possible parent. */
    private void consider(Node n, String candidate, List<Included> parents, List<Included> out) throws IOException {
        Included maybe = new Included(n);
        Included parent = parents.isEmpty() ? null : parents.getLast();
        boolean take = passes(candidate, maybe, parent);
        if (!take && !n.header()) {
            return;
        }
        maybe.digest = hash.entry(n.file(), n.stat());
        if (take) {
            for (Included dir : parents) {
                if (!dir.included) {
                    dir.included = true;
                    out.add(dir);
                }
            }
            maybe.included = true;
            out.add(maybe);
        }
        if (n.header()) {
            parents.add(maybe);
        }
    }

    private boolean passes(String candidate, Included maybe, Included parent) {
        if (include != null) {
            MatchResult r = include.matchesUsingParentResults(candidate, parent == null ? MatchInfo.NONE : parent.includeInfo);
            maybe.includeInfo = r.info();
            if (!r.matched()) {
                return false;
            }
        }
        if (exclude != null) {
            MatchResult r = exclude.matchesUsingParentResults(candidate, parent == null ? MatchInfo.NONE : parent.excludeInfo);
            maybe.excludeInfo = r.info();
            return !r.matched();
        }
        return true;
    }

    private static void popParents(List<Included> parents, String path) {
        while (!parents.isEmpty() && !path.startsWith(parents.getLast().node.path() + "/")) {
            parents.removeLast();
        }
    }

    /** The entries at and below {@code start} in name order, each directory's header before its children. */
    private static List<Node> walk(Path start, String shownAs) throws IOException {
        List<Node> out = new ArrayList<>();
        FileStat st = LinuxFiles.lstatIfExists(start);
        if (st != null && st.isDirectory()) {
            collect(start, shownAs, st, out);
        }
        return out;
    }

    private static void collect(Path dir, String shownAs, FileStat st, List<Node> out) throws IOException {
        out.add(new Node(shownAs, dir, st));
        for (Path child : ContentHash.children(dir)) {
            FileStat cst = LinuxFiles.lstat(child);
            String name = shownAs + "/" + child.getFileName();
            if (cst.isDirectory()) {
                collect(child, name, cst, out);
            } else {
                out.add(new Node(name, child, cst));
            }
        }
    }

    /** {@code path} below {@code top}, "" for {@code top} itself. */
    private static String relative(String path, String top) {
        String s = (path + "/").startsWith(top + "/") ? (path + "/").substring(top.length() + 1) : path + "/";
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    /** Go's path.Base. */
    static String base(String path) {
        String p = path;
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        if (p.isEmpty()) {
            return ".";
        }
        int slash = p.lastIndexOf('/');
        return slash < 0 || p.equals("/") ? p : p.substring(slash + 1);
    }
}
