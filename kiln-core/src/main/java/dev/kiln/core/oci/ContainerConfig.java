package dev.kiln.core.oci;

import dev.kiln.core.json.JsonObject;
import dev.kiln.core.json.JsonValue;
import dev.kiln.core.json.JsonWritable;
import dev.kiln.core.json.JsonWriter;

import java.util.List;
import java.util.Map;

/**
 * The {@code config} part of an image configuration (Docker field names). Maps use {@code Object} values because
 * the wire format is {@code {"80/tcp": {}}}; what another image has there is kept as plain Java values (see
 * {@link JsonValue#toPlain}) and written back unchanged.
 */
public record ContainerConfig(String user, Map<String, Object> exposedPorts, List<String> env, List<String> entrypoint,
                              List<String> cmd, Map<String, Object> volumes, String workingDir,
                              Map<String, String> labels, String stopSignal, boolean argsEscaped,
                              Healthcheck healthcheck, List<String> onBuild, List<String> shell)
        implements JsonWritable {

    public static ContainerConfig empty() {
        return new ContainerConfig(null, null, null, null, null, null, null, null, null, false, null, null, null);
    }

    @Override
    public void writeJson(JsonWriter w) {
        w.beginObject().field("User", user).field("ExposedPorts", exposedPorts).field("Env", env)
                .field("Entrypoint", entrypoint).field("Cmd", cmd).field("Volumes", volumes)
                .field("WorkingDir", workingDir).field("Labels", labels).field("StopSignal", stopSignal)
                .field("ArgsEscaped", argsEscaped).field("Healthcheck", healthcheck).field("OnBuild", onBuild)
                .field("Shell", shell).endObject();
    }

    public static ContainerConfig fromJson(JsonValue json) {
        JsonObject o = json.asObject();
        return new ContainerConfig(o.getString("User"), o.getPlainMap("ExposedPorts"), o.getStrings("Env"),
                o.getStrings("Entrypoint"), o.getStrings("Cmd"), o.getPlainMap("Volumes"), o.getString("WorkingDir"),
                o.getStringMap("Labels"), o.getString("StopSignal"), o.getBoolean("ArgsEscaped"),
                o.get("Healthcheck", Healthcheck::fromJson), o.getStrings("OnBuild"), o.getStrings("Shell"));
    }

    /** Durations are in nanoseconds, as Go's time.Duration marshals. */
    public record Healthcheck(List<String> test, long interval, long timeout, long startPeriod, long startInterval,
                              int retries) implements JsonWritable {
        @Override
        public void writeJson(JsonWriter w) {
            w.beginObject().field("Test", test).field("Interval", interval).field("Timeout", timeout)
                    .field("StartPeriod", startPeriod).field("StartInterval", startInterval)
                    .field("Retries", retries).endObject();
        }

        public static Healthcheck fromJson(JsonValue json) {
            JsonObject o = json.asObject();
            return new Healthcheck(o.getStrings("Test"), o.getLong("Interval"), o.getLong("Timeout"),
                    o.getLong("StartPeriod"), o.getLong("StartInterval"), o.getInt("Retries"));
        }
    }
}
