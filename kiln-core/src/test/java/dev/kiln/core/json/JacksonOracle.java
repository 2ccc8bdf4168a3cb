package dev.kiln.core.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.kiln.core.oci.ContainerConfig;
import dev.kiln.core.oci.Descriptor;
import dev.kiln.core.oci.ImageConfig;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;

/**
 * Jackson configured exactly as Kiln's mapper was before Kiln wrote its own JSON code: the oracle that differential
 * tests compare {@link JsonWriter}, {@link JsonReader} and the types' {@code fromJson} with. The product's records
 * had Jackson annotations for their JSON names; mix-ins give the oracle the same names. Test scope only.
 */
public final class JacksonOracle {
    private static final JsonMapper MAPPER = builder().build();

    private JacksonOracle() {
    }

    /** Today's settings (map entries sorted by key, unknown properties ignored, NON_EMPTY) and kiln-core's names. */
    public static JsonMapper.Builder builder() {
        return JsonMapper.builder()
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .changeDefaultPropertyInclusion(v -> v.withValueInclusion(JsonInclude.Include.NON_EMPTY))
                .addMixIn(Descriptor.OciPlatform.class, OciPlatformNames.class)
                .addMixIn(ImageConfig.class, ImageConfigNames.class)
                .addMixIn(ImageConfig.RootFs.class, RootFsNames.class)
                .addMixIn(ImageConfig.History.class, HistoryNames.class)
                .addMixIn(ContainerConfig.class, ContainerConfigNames.class)
                .addMixIn(ContainerConfig.Healthcheck.class, HealthcheckNames.class);
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }

    // The annotations the records had, where a JSON name differs from the component's.

    private record OciPlatformNames(@JsonProperty("architecture") String architecture, @JsonProperty("os") String os,
                                    @JsonProperty("variant") String variant,
                                    @JsonProperty("os.version") String osVersion) {
    }

    private record ImageConfigNames(@JsonProperty("created") String created, @JsonProperty("author") String author,
                                    @JsonProperty("architecture") String architecture, @JsonProperty("os") String os,
                                    @JsonProperty("os.version") String osVersion,
                                    @JsonProperty("variant") String variant,
                                    @JsonProperty("config") ContainerConfig config,
                                    @JsonProperty("rootfs") ImageConfig.RootFs rootfs,
                                    @JsonProperty("history") List<ImageConfig.History> history) {
    }

    private record RootFsNames(@JsonProperty("type") String type, @JsonProperty("diff_ids") List<String> diffIds) {
    }

    private record HistoryNames(@JsonProperty("created") String created, @JsonProperty("created_by") String createdBy,
                                @JsonProperty("author") String author, @JsonProperty("comment") String comment,
                                @JsonProperty("empty_layer") boolean emptyLayer) {
    }

    private record ContainerConfigNames(@JsonProperty("User") String user,
                                        @JsonProperty("ExposedPorts") Map<String, Object> exposedPorts,
                                        @JsonProperty("Env") List<String> env,
                                        @JsonProperty("Entrypoint") List<String> entrypoint,
                                        @JsonProperty("Cmd") List<String> cmd,
                                        @JsonProperty("Volumes") Map<String, Object> volumes,
                                        @JsonProperty("WorkingDir") String workingDir,
                                        @JsonProperty("Labels") Map<String, String> labels,
                                        @JsonProperty("StopSignal") String stopSignal,
                                        @JsonProperty("ArgsEscaped") boolean argsEscaped,
                                        @JsonProperty("Healthcheck") ContainerConfig.Healthcheck healthcheck,
                                        @JsonProperty("OnBuild") List<String> onBuild,
                                        @JsonProperty("Shell") List<String> shell) {
    }

    private record HealthcheckNames(@JsonProperty("Test") List<String> test, @JsonProperty("Interval") long interval,
                                    @JsonProperty("Timeout") long timeout,
                                    @JsonProperty("StartPeriod") long startPeriod,
                                    @JsonProperty("StartInterval") long startInterval,
                                    @JsonProperty("Retries") int retries) {
    }
}
