package dev.kiln.worker.file;

import dev.kiln.core.pattern.FilepathMatch;
import dev.kiln.worker.sys.RootPath;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Expands a source path with wildcards like fsutil's {@code ResolveWildcards}: the components before
 * the first wildcard are resolved inside the root, then the tree below is walked (in name order,
 * never through symlinks) and every path matching the rest of the pattern is taken; a matching
 * directory is taken whole.
 */
final class Wildcards {
    private Wildcards() {
    }

    /** Matching paths as absolute slash paths inside the root; just {@code src} if it has no wildcard. */
    static List<String> resolve(Path root, String src, boolean followLinks) throws IOException {
        List<String> parts = RootPath.components(src);
        int first = 0;
        while (first < parts.size() && !FilepathMatch.containsWildcards(parts.get(first))) {
            first++;
        }
        String prefix = "/" + String.join("/", parts.subList(0, first));
        if (first == parts.size()) {
            return List.of(prefix);
        }
        String pattern = String.join("/", parts.subList(first, parts.size()));
        Path base = RootPath.resolve(root, prefix, followLinks);
        Files.readAttributes(base, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        List<String> out = new ArrayList<>();
        walk(base, "", pattern, parts.size() - first, out);
        List<String> matches = new ArrayList<>(out.size());
        for (String rel : out) {
            matches.add(RootPath.relative(root, base.resolve(rel)));
        }
        return matches;
    }

    private static void walk(Path dir, String rel, String pattern, int depthLeft, List<String> out) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) || depthLeft == 0) {
            return;
        }
        List<Path> children;
        try (Stream<Path> list = Files.list(dir)) {
            children = list.sorted().toList();
        }
        for (Path child : children) {
            String name = rel.isEmpty() ? child.getFileName().toString() : rel + "/" + child.getFileName();
            if (FilepathMatch.matches(pattern, name)) {
                out.add(name);
            } else {
                walk(child, name, pattern, depthLeft - 1, out);
            }
        }
    }
}
