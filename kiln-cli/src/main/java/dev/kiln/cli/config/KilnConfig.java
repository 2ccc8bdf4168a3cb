package dev.kiln.cli.config;

import java.util.List;
import java.util.Map;

/**
 * {@code kiln.toml}, in buildkitd.toml's syntax where the two overlap: {@code root},
 * {@code [worker.oci]} and {@code [registry."host"]} tables. Keys Kiln does not know are ignored, so an
 * existing buildkitd.toml can be used as is.
 */
public record KilnConfig(String root, Worker worker, Map<String, Registry> registry) {

    public static final KilnConfig EMPTY = new KilnConfig(null, null, Map.of());

    public KilnConfig {
        registry = registry == null ? Map.of() : Map.copyOf(registry);
    }

    public OciWorker oci() {
        return worker == null || worker.oci() == null ? OciWorker.DEFAULT : worker.oci();
    }

    public record Worker(OciWorker oci) {
    }

    /** {@code binary} is the OCI runtime (runc or crun); 0 max-parallelism means one per core. */
    public record OciWorker(String binary, int maxParallelism, String snapshotter) {
        static final OciWorker DEFAULT = new OciWorker(null, 0, null);
    }

    public record Registry(List<String> mirrors, Boolean http, boolean insecure, List<String> ca) {
        public Registry {
            mirrors = mirrors == null ? List.of() : List.copyOf(mirrors);
            ca = ca == null ? List.of() : List.copyOf(ca);
        }
    }
}
