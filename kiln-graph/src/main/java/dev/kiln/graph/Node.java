package dev.kiln.graph;

import dev.kiln.core.Digest;
import dev.kiln.core.json.Json;
import dev.kiln.core.json.JsonWritable;
import dev.kiln.core.json.JsonWriter;

import java.util.List;

/**
 * A vertex of the build graph. Its digest covers the op, the inputs and the platform, never the
 * {@link NodeMeta}: the same Dockerfile and arguments give the same digests run after run.
 */
public record Node(Digest digest, Op op, List<Output> inputs, String platform, NodeMeta meta) {

    public Node {
        inputs = List.copyOf(inputs);
        meta = meta == null ? NodeMeta.NONE : meta;
    }

    public static Node of(Op op, List<Output> inputs, String platform, NodeMeta meta) {
        return new Node(digestOf(op, inputs, platform), op, inputs, platform, meta);
    }

    public Node withMeta(NodeMeta newMeta) {
        return new Node(digest, op, inputs, platform, newMeta);
    }

    public Output output(int index) {
        return new Output(digest, index);
    }

    static Digest digestOf(Op op, List<Output> inputs, String platform) {
        return Digest.sha256(Json.bytes(new Identity(op, inputs, platform)));
    }

    private record Identity(Op op, List<Output> inputs, String platform) implements JsonWritable {
        @Override
        public void writeJson(JsonWriter w) {
            w.beginObject().field("op", op).field("inputs", inputs).field("platform", platform).endObject();
        }
    }
}
