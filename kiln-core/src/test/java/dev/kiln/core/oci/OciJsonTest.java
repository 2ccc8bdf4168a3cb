package dev.kiln.core.oci;

import dev.kiln.core.KilnException;
import dev.kiln.core.json.Differential;
import dev.kiln.core.json.JacksonOracle;
import dev.kiln.core.json.Json;
import dev.kiln.core.json.JsonValue;
import dev.kiln.core.json.JsonWritable;
import dev.kiln.core.json.RandomValues;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The OCI records' JSON against Jackson with the annotations they used to have: the same bytes written (image
 * digests depend on them), the same values read, also from documents with members reordered and unknown ones added.
 */
class OciJsonTest {
    private static final int SAMPLES = 1500;

    private record Kind<T extends JsonWritable>(Class<T> type, Function<OciSamples, T> sample,
                                                Function<JsonValue, T> reader) {
    }

    private static final List<Kind<?>> KINDS = List.of(
            new Kind<>(Descriptor.class, OciSamples::descriptor, Descriptor::fromJson),
            new Kind<>(Index.class, OciSamples::index, Index::fromJson),
            new Kind<>(Manifest.class, OciSamples::manifest, Manifest::fromJson),
            new Kind<>(ImageConfig.class, OciSamples::imageConfig, ImageConfig::fromJson));

    @Test
    void writtenAsJacksonWroteThem() {
        for (Kind<?> kind : KINDS) {
            for (int seed = 0; seed < SAMPLES; seed++) {
                JsonWritable value = kind.sample().apply(new OciSamples(new RandomValues(seed)));
                Differential.assertWritesAlike(value, JacksonOracle.mapper(), kind.type().getSimpleName() + " " + seed);
            }
        }
    }

    @Test
    void readAsJacksonReadsThem() {
        for (Kind<?> kind : KINDS) {
            readAlike(kind);
        }
    }

    private static <T extends JsonWritable> void readAlike(Kind<T> kind) {
        for (int seed = 0; seed < SAMPLES; seed++) {
            T value = kind.sample().apply(new OciSamples(new RandomValues(seed)));
            byte[] json = JacksonOracle.mapper().writeValueAsBytes(value);
            String label = kind.type().getSimpleName() + " " + seed;
            Differential.assertReadsAlike(json, kind.reader(), kind.type(), JacksonOracle.mapper(), label);
            Differential.assertReadsAlike(Differential.reshaped(json, JacksonOracle.mapper(), new Random(seed)),
                    kind.reader(), kind.type(), JacksonOracle.mapper(), label + " reshaped");
        }
    }

    @Test
    void aFieldOfTheWrongTypeIsNamed() {
        byte[] json = "{\"schemaVersion\":2,\"config\":{\"digest\":\"sha256:00\",\"size\":\"12\"}}"
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Json.parse(json, Manifest::fromJson, "image manifest sha256:ab"))
                .isInstanceOf(KilnException.class)
                .hasMessage("malformed image manifest sha256:ab: config.size: expected a number, got a string");
        byte[] config = "{\"config\":{\"Env\":[\"A=1\",2]}}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Json.parse(config, ImageConfig::fromJson, "image config"))
                .hasMessage("malformed image config: config.Env[1]: expected a string, got a number");
    }

    /** Go leaves a field at its zero value for JSON null; Jackson 3 rejects null for a primitive. */
    @Test
    void nullMembersAreAbsent() {
        byte[] json = "{\"mediaType\":null,\"size\":null,\"annotations\":null,\"platform\":null}"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(Json.parse(json, Descriptor::fromJson, "descriptor"))
                .isEqualTo(new Descriptor(null, null, 0, null, null));
    }

    @Test
    void foreignValuesInExposedPortsAreKept() {
        byte[] json = "{\"ExposedPorts\":{\"80/tcp\":{},\"53/udp\":{\"x\":[1,2.5,null]}}}".getBytes(StandardCharsets.UTF_8);
        ContainerConfig c = Json.parse(json, ContainerConfig::fromJson, "config");
        assertThat(c.exposedPorts()).containsEntry("80/tcp", Map.of());
        assertThat(Json.string(c)).isEqualTo("{\"ExposedPorts\":{\"53/udp\":{\"x\":[1,2.5,null]},\"80/tcp\":{}},"
                + "\"ArgsEscaped\":false}");
    }
}
