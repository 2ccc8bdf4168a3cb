package dev.kiln.worker.sys;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * Resolves a path inside a directory tree as if that directory were {@code /} (continuity's
 * {@code fs.RootPath}, which BuildKit uses for file ops, container paths and layer members):
 * {@code ..} stops at the root, absolute symlink targets start again at the root, relative ones from
 * the link's directory. The answer always lies inside the root, whatever the tree's symlinks say, so
 * a hostile image or context cannot point us at host files; components that do not exist are taken
 * literally. A symlink loop is an INVALID_ARGUMENT {@link KilnException}.
 */
public final class RootPath {
    private static final int MAX_LINKS = 255;

    private RootPath() {
    }

    /** Resolves every symlink, including a final one. */
    public static Path resolve(Path root, String path) {
        return resolve(root, path, true);
    }

    /** Resolves symlinks in the parent directories; the final component is kept as it is. */
    public static Path resolveParent(Path root, String path) {
        return resolve(root, path, false);
    }

    /** {@code path} relative to {@code root} as an absolute slash path ({@code /} for the root). */
    public static String relative(Path root, Path path) {
        Path rel = root.relativize(path);
        return rel.toString().isEmpty() ? "/" : "/" + rel;
    }

    /** Resolves symlinks in the parents, and the final component too when {@code followFinal}. */
    public static Path resolve(Path root, String path, boolean followFinal) {
        Deque<String> remaining = new ArrayDeque<>(components(path));
        List<String> resolved = new ArrayList<>();
        int links = 0;
        while (!remaining.isEmpty()) {
            String part = remaining.pop();
            if (part.equals("..")) {
                if (!resolved.isEmpty()) {
                    resolved.removeLast();
                }
                continue;
            }
            Path candidate = join(root, resolved).resolve(part);
            if ((remaining.isEmpty() && !followFinal) || !isSymlink(candidate)) {
                resolved.add(part);
                continue;
            }
            if (++links > MAX_LINKS) {
                throw new KilnException(ErrorKind.INVALID_ARGUMENT, "too many levels of symbolic links resolving " + path);
            }
            String target = readLink(candidate);
            if (target.startsWith("/")) {
                resolved.clear();
            }
            List<String> targetParts = components(target);
            for (int i = targetParts.size() - 1; i >= 0; i--) {
                remaining.push(targetParts.get(i));
            }
        }
        return join(root, resolved);
    }

    /** Non-empty components other than {@code .}, in order. */
    public static List<String> components(String path) {
        return Arrays.stream(path.split("/")).filter(c -> !c.isEmpty() && !c.equals(".")).toList();
    }

    /** The components of {@code path} with {@code ..} applied lexically, never above the root. */
    public static List<String> clean(String path) {
        List<String> out = new ArrayList<>();
        for (String c : components(path)) {
            if (!c.equals("..")) {
                out.add(c);
            } else if (!out.isEmpty()) {
                out.removeLast();
            }
        }
        return out;
    }

    private static Path join(Path root, List<String> parts) {
        Path p = root;
        for (String part : parts) {
            p = p.resolve(part);
        }
        return p;
    }

    private static boolean isSymlink(Path p) {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isSymbolicLink();
        } catch (IOException e) {
            return false;
        }
    }

    private static String readLink(Path p) {
        try {
            return Files.readSymbolicLink(p).toString();
        } catch (IOException e) {
            throw new KilnException(ErrorKind.INTERNAL, "readlink " + p + ": " + e.getMessage(), e);
        }
    }
}
