package dev.kiln.graph;

import dev.kiln.core.json.JsonWritable;
import dev.kiln.core.json.JsonWriter;

import java.util.List;

/** The process of an {@link ExecOp}: argv, environment ({@code K=V}), working dir and user. */
public record ExecMeta(List<String> args, List<String> env, String cwd, String user, String hostname,
                       List<HostIp> extraHosts, List<Ulimit> ulimits, List<String> validExitCodes)
        implements JsonWritable {
    public ExecMeta {
        args = List.copyOf(args);
        env = List.copyOf(env);
        extraHosts = List.copyOf(extraHosts);
        ulimits = List.copyOf(ulimits);
        validExitCodes = List.copyOf(validExitCodes);
    }

    @Override
    public void writeJson(JsonWriter w) {
        w.beginObject().field("args", args).field("env", env).field("cwd", cwd).field("user", user)
                .field("hostname", hostname).field("extraHosts", extraHosts).field("ulimits", ulimits)
                .field("validExitCodes", validExitCodes).endObject();
    }

    public record HostIp(String host, String ip) implements JsonWritable {
        @Override
        public void writeJson(JsonWriter w) {
            w.beginObject().field("host", host).field("ip", ip).endObject();
        }
    }

    public record Ulimit(String name, long soft, long hard) implements JsonWritable {
        @Override
        public void writeJson(JsonWriter w) {
            w.beginObject().field("name", name).field("soft", soft).field("hard", hard).endObject();
        }
    }
}
