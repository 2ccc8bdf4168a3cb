package dev.kiln.worker.ops;

/** Build-wide settings of the worker's ops ({@code --shm-size}; 0 = BuildKit's 64 MiB). */
public record WorkerOptions(long shmSize) {
    public static final WorkerOptions DEFAULT = new WorkerOptions(0);
}
