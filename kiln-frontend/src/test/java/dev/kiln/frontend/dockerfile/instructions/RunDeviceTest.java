package dev.kiln.frontend.dockerfile.instructions;

import dev.kiln.core.KilnException;
import dev.kiln.frontend.dockerfile.parser.ConformanceData;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** instructions/run_device.json: {@code RUN --device} values. */
class RunDeviceTest {
    @Test
    void devicesMatchUpstream() {
        for (JsonNode c : ConformanceData.cases("instructions/run_device.json")) {
            String input = c.get("input").stringValue();
            if (c.has("expected_error")) {
                assertThatThrownBy(() -> DeviceSpec.parse(input)).isInstanceOf(KilnException.class)
                        .hasMessage(c.get("expected_error").stringValue());
                continue;
            }
            JsonNode expected = c.get("expected");
            assertThat(DeviceSpec.parse(input)).as(input).isEqualTo(
                    new DeviceSpec(expected.get("name").stringValue(), expected.get("required").asBoolean()));
        }
    }

    @Test
    void runCarriesParsedDevices() {
        RunInstruction run = (RunInstruction) Dockerfiles.first("RUN --device=a.com/gpu=all,required nvidia-smi");

        assertThat(run.devices()).containsExactly(new DeviceSpec("a.com/gpu=all", true));
        assertThat(run.flagsUsed()).containsExactly("device");
    }
}
