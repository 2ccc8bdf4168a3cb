package dev.kiln.graph;

import dev.kiln.core.Digest;
import dev.kiln.core.json.JsonWritable;
import dev.kiln.core.json.JsonWriter;

/** A result of the graph: output {@code index} of the node with digest {@code node}. */
public record Output(Digest node, int index) implements JsonWritable {

    /** The digest as an object of its parts, not its string form: node digests have always hashed it so. */
    @Override
    public void writeJson(JsonWriter w) {
        w.beginObject();
        if (node != null) {
            w.name("node").beginObject().field("algorithm", node.algorithm()).field("hex", node.hex()).endObject();
        }
        w.field("index", index).endObject();
    }
}
