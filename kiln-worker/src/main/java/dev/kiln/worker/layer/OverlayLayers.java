package dev.kiln.worker.layer;

import dev.kiln.worker.snapshot.Mount;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * BuildKit's GetUpperdir: when the upper snapshot is an overlay whose layers (lower directories, plus its upper
 * directory if it is active) are exactly the lower snapshot's layers plus one, that one directory holds the whole
 * diff. This covers an active snapshot over its parent's view and a view of a committed snapshot over its
 * parent's view.
 */
final class OverlayLayers {
    private OverlayLayers() {
    }

    static Optional<Path> upperdir(List<Mount> lower, List<Mount> upper) {
        if (lower.size() != 1 || upper.size() != 1 || !upper.getFirst().type().equals("overlay")) {
            return Optional.empty();
        }
        Optional<List<String>> lowerLayers = layers(lower.getFirst());
        Optional<List<String>> upperLayers = layers(upper.getFirst());
        if (lowerLayers.isEmpty() || upperLayers.isEmpty()) {
            return Optional.empty();
        }
        List<String> l = lowerLayers.get();
        List<String> u = upperLayers.get();
        if (u.size() != l.size() + 1 || !u.subList(0, l.size()).equals(l)) {
            return Optional.empty();
        }
        return Optional.of(Path.of(u.getLast()));
    }

    /** Layer directories bottom-most first, or empty when an option could change what the mount shows. */
    private static Optional<List<String>> layers(Mount m) {
        if (m.type().equals("bind")) {
            return Optional.of(List.of(m.source()));
        }
        if (!m.type().equals("overlay")) {
            return Optional.empty();
        }
        for (String o : m.options()) {
            boolean known = o.startsWith("lowerdir=") || o.startsWith("upperdir=") || o.startsWith("workdir=")
                    || o.equals("index=off") || o.equals("userxattr") || o.startsWith("redirect_dir=")
                    || o.equals("ro") || o.equals("rw");
            if (!known) {
                return Optional.empty();
            }
        }
        List<String> layers = new ArrayList<>(m.lowerDirs().reversed());
        m.option("upperdir").ifPresent(layers::add);
        return Optional.of(layers);
    }
}
