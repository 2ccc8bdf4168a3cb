package dev.kiln.worker.executor;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * Resolves a container path to the host path it names, following symlinks as the container would see
 * them: an absolute link target restarts at the rootfs and {@code ..} stops at it, so a hostile image
 * cannot point us at host files (what containerd's fs.RootPath guarantees for BuildKit).
 */
final class RootPath {
    private static final int MAX_LINKS = 255;

    private RootPath() {
    }

    static Path resolve(Path root, String containerPath) {
        Deque<String> pending = new ArrayDeque<>(components(containerPath));
        List<String> resolved = new ArrayList<>();
        int links = 0;
        while (!pending.isEmpty()) {
            String part = pending.removeFirst();
            if (part.equals("..")) {
                if (!resolved.isEmpty()) {
                    resolved.removeLast();
                }
                continue;
            }
            Path candidate = join(root, resolved).resolve(part);
            if (!Files.isSymbolicLink(candidate)) {
                resolved.add(part);
                continue;
            }
            if (++links > MAX_LINKS) {
                throw new KilnException(ErrorKind.INVALID_ARGUMENT, "too many symlinks resolving " + containerPath);
            }
            String target = readLink(candidate);
            if (target.startsWith("/")) {
                resolved.clear();
            }
            List<String> targetParts = components(target);
            for (int i = targetParts.size() - 1; i >= 0; i--) {
                pending.addFirst(targetParts.get(i));
            }
        }
        return join(root, resolved);
    }

    private static List<String> components(String path) {
        return Arrays.stream(path.split("/")).filter(p -> !p.isEmpty() && !p.equals(".")).toList();
    }

    private static Path join(Path root, List<String> parts) {
        return parts.isEmpty() ? root : root.resolve(String.join("/", parts));
    }

    private static String readLink(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            throw new KilnException(ErrorKind.INTERNAL, "cannot read symlink " + link + ": " + e.getMessage(), e);
        }
    }
}
