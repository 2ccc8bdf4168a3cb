package dev.kiln.cli.config;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Map;

/**
 * {@code kiln.toml}, in buildkitd.toml's syntax where the two overlap: {@code root},
 * {@code [worker.oci]} and {@code [registry."host"]} tables. Keys Kiln does not know are ignored, so an
 * existing buildkitd.toml can be used as is.
 */
public record KilnConfig(
        @JsonProperty("root") String root,
        @JsonProperty("worker") Worker worker,
        @JsonProperty("registry") Map<String, Registry> registry) {

    public static final KilnConfig EMPTY = new KilnConfig(null, null, Map.of());

    public KilnConfig {
        registry = registry == null ? Map.of() : Map.copyOf(registry);
    }

    public OciWorker oci() {
        return worker == null || worker.oci() == null ? OciWorker.DEFAULT : worker.oci();
    }

    public record Worker(@JsonProperty("oci") OciWorker oci) {
    }

    /** {@code binary} is the OCI runtime (runc or crun); 0 max-parallelism means one per core. */
    public record OciWorker(
            @JsonProperty("binary") String binary,
            @JsonProperty("max-parallelism") int maxParallelism,
            @JsonProperty("snapshotter") String snapshotter) {
        static final OciWorker DEFAULT = new OciWorker(null, 0, null);
    }

    public record Registry(
            @JsonProperty("mirrors") List<String> mirrors,
            @JsonProperty("http") Boolean http,
            @JsonProperty("insecure") boolean insecure,
            @JsonProperty("ca") List<String> ca) {
        public Registry {
            mirrors = mirrors == null ? List.of() : List.copyOf(mirrors);
            ca = ca == null ? List.of() : List.copyOf(ca);
        }
    }
}
