package dev.kiln.graph;

import dev.kiln.core.json.JsonWritable;
import dev.kiln.core.json.JsonWriter;

import java.util.List;

/**
 * Runs a process in a container whose filesystems are the mounts. The mount with dest {@code /} is
 * the root filesystem. {@code network} is {@code sandbox} (the default, host network like BuildKit
 * without CNI), {@code host} or {@code none}; {@code security} is {@code sandbox} or {@code insecure}.
 */
public record ExecOp(ExecMeta meta, List<ExecMount> mounts, String network, String security, List<SecretEnv> secretEnv)
        implements Op {
    public ExecOp {
        mounts = List.copyOf(mounts);
        secretEnv = List.copyOf(secretEnv);
    }

    @Override
    public int outputCount() {
        return (int) mounts.stream().filter(m -> m.output() >= 0).count();
    }

    @Override
    public void writeJson(JsonWriter w) {
        w.beginObject().field("type", "exec").field("meta", meta).field("mounts", mounts).field("network", network)
                .field("security", security).field("secretEnv", secretEnv).endObject();
    }

    /** A secret exposed as an environment variable of the process. */
    public record SecretEnv(String id, String name, boolean optional) implements JsonWritable {
        @Override
        public void writeJson(JsonWriter w) {
            w.beginObject().field("id", id).field("name", name).field("optional", optional).endObject();
        }
    }
}
