package dev.kiln.worker.layer;

import dev.kiln.worker.sys.FileStat;
import dev.kiln.worker.sys.LinuxFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * Resolves member names inside an extraction root as if the root were "/" (containerd's RootPath): symlinks met on
 * the way are followed with absolute targets taken relative to the root, and ".." never climbs above it. So no
 * name, however it is spelled or whatever symlinks earlier members planted, leads outside the root.
 */
final class RootResolver {
    private static final int MAX_LINKS = 255;

    private final Path root;

    RootResolver(Path root) {
        this.root = root;
    }

    /** The cleaned, rooted form of a member name: "/" joined with it and cleaned, so no ".." remains. */
    static String clean(String name) {
        return GoPath.clean("/" + name);
    }

    /**
     * Where member {@code name} lives: its parent directories resolved (symlinks followed, inside the root), its
     * last component kept as is. Null when the name denotes the root itself.
     */
    Path resolve(String name) throws IOException {
        String cleaned = clean(name);
        if (cleaned.equals("/")) {
            return null;
        }
        int slash = cleaned.lastIndexOf('/');
        return resolveDirectory(cleaned.substring(0, slash)).resolve(cleaned.substring(slash + 1));
    }

    /** Resolves every component of {@code dir} (rooted), following symlinks within the root. */
    Path resolveDirectory(String dir) throws IOException {
        Deque<String> pending = new ArrayDeque<>(components(dir));
        List<String> resolved = new ArrayList<>();
        int links = 0;
        while (!pending.isEmpty()) {
            String c = pending.pollFirst();
            if (c.equals("..")) {
                if (!resolved.isEmpty()) {
                    resolved.removeLast();
                }
                continue;
            }
            Path candidate = join(resolved).resolve(c);
            FileStat st = LinuxFiles.lstatIfExists(candidate);
            if (st == null || !st.isSymlink()) {
                resolved.add(c);
                continue;
            }
            if (++links > MAX_LINKS) {
                throw new MalformedLayerException("too many levels of symbolic links resolving " + dir);
            }
            String target = Files.readSymbolicLink(candidate).toString();
            if (target.startsWith("/")) {
                resolved.clear();
            }
            List<String> more = components(target);
            for (int i = more.size() - 1; i >= 0; i--) {
                pending.addFirst(more.get(i));
            }
        }
        return join(resolved);
    }

    private Path join(List<String> components) {
        Path p = root;
        for (String c : components) {
            p = p.resolve(c);
        }
        return p;
    }

    private static List<String> components(String path) {
        return Arrays.stream(path.split("/")).filter(c -> !c.isEmpty() && !c.equals(".")).toList();
    }
}
