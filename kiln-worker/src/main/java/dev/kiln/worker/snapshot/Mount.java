package dev.kiln.worker.snapshot;

import java.util.List;
import java.util.Optional;

/**
 * A serialized mount syscall, the lingua franca between the parts of the worker: snapshotters emit mounts, the
 * {@link Mounter} (and nothing else) performs them. Same shape and meaning as containerd's {@code mount.Mount}.
 *
 * @param type filesystem type: {@code bind} or {@code overlay}
 * @param source what is mounted (a directory for binds, {@code overlay} for overlayfs)
 * @param target where to mount, relative to the directory the list is mounted at; empty means that directory
 * @param options mount(8)-style options; overlay's {@code lowerdir=}, {@code upperdir=}, {@code workdir=} carry
 *     absolute paths
 */
public record Mount(String type, String source, String target, List<String> options) {
    public Mount {
        target = target == null ? "" : target;
        options = List.copyOf(options);
    }

    public static Mount bind(String source, boolean readOnly) {
        return new Mount("bind", source, "", List.of(readOnly ? "ro" : "rw", "rbind"));
    }

    public boolean isReadOnly() {
        return options.contains("ro");
    }

    /** The value of the first {@code key=value} option with this key. */
    public Optional<String> option(String key) {
        String prefix = key + "=";
        return options.stream().filter(o -> o.startsWith(prefix)).map(o -> o.substring(prefix.length())).findFirst();
    }

    /** Overlay lower directories, topmost first (empty for other mount types). */
    public List<String> lowerDirs() {
        return option("lowerdir").map(v -> List.of(v.split(":"))).orElse(List.of());
    }
}
