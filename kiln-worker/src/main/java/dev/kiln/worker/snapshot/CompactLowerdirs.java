package dev.kiln.worker.snapshot;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Overlay options with every {@code lowerdir} made relative to the lower directories' common parent, which the
 * mount must then be made from (as its working directory).
 */
record CompactLowerdirs(Path workingDirectory, List<String> options) {
    static CompactLowerdirs of(List<String> options) {
        List<Path> lowers = new ArrayList<>();
        for (String o : options) {
            if (o.startsWith("lowerdir=")) {
                for (String dir : o.substring("lowerdir=".length()).split(":")) {
                    lowers.add(Path.of(dir));
                }
            }
        }
        Path common = commonParent(lowers);
        List<String> compacted = new ArrayList<>();
        for (String o : options) {
            if (o.startsWith("lowerdir=")) {
                List<String> relative = lowers.stream().map(l -> common.relativize(l).toString()).toList();
                compacted.add("lowerdir=" + String.join(":", relative));
            } else {
                compacted.add(o);
            }
        }
        return new CompactLowerdirs(common, compacted);
    }

    private static Path commonParent(List<Path> dirs) {
        Path common = dirs.getFirst().getParent();
        for (Path d : dirs) {
            while (!d.startsWith(common) || d.equals(common)) {
                common = common.getParent();
            }
        }
        return common;
    }
}
