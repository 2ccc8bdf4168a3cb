package dev.kiln.frontend.dockerfile.convert;

import dev.kiln.core.oci.ContainerConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** dockerfile2llb/history_healthcheck.json: the HEALTHCHECK history text. */
class HistoryHealthcheckConformanceTest {

    static List<JsonNode> cases() {
        return BuildkitFixtures.cases("dockerfile2llb/history_healthcheck.json");
    }

    @ParameterizedTest
    @MethodSource("cases")
    void healthcheckHistoryUsesGoFormatting(JsonNode c) {
        JsonNode h = c.get("health");
        ContainerConfig.Healthcheck health = new ContainerConfig.Healthcheck(BuildkitFixtures.strings(h.get("test")),
                nanos(h, "interval"), nanos(h, "timeout"), nanos(h, "start_period"), nanos(h, "start_interval"),
                h.get("retries").asInt());
        assertThat(History.healthcheck(health)).isEqualTo(c.get("expected_history_created_by").asString());
    }

    /** The fixture writes durations in Go syntax ({@code 1s}, {@code 100ms}). */
    private static long nanos(JsonNode h, String field) {
        String v = h.get(field).asString();
        return v.endsWith("ms") ? Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2))).toNanos()
                : Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1))).toNanos();
    }
}
