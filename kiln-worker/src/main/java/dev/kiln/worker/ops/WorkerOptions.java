package dev.kiln.worker.ops;

import dev.kiln.graph.ExecMeta;

import java.util.List;

/**
 * Build-wide settings of RUN steps that are not part of the graph: {@code --shm-size} (0 = BuildKit's
 * 64 MiB) and {@code --ulimit} defaults, which a step's own ulimits override.
 */
public record WorkerOptions(long shmSize, List<ExecMeta.Ulimit> ulimits) {
    public static final WorkerOptions DEFAULT = new WorkerOptions(0, List.of());

    public WorkerOptions {
        ulimits = List.copyOf(ulimits);
    }
}
