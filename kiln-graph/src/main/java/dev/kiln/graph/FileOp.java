package dev.kiln.graph;

import dev.kiln.core.json.JsonWriter;

import java.util.List;

/**
 * File actions applied in order on top of the {@code base} input ({@link Op#SCRATCH} for an empty
 * filesystem). The result is the base with every action applied.
 */
public record FileOp(int base, List<FileAction> actions) implements Op {
    public FileOp {
        actions = List.copyOf(actions);
    }

    @Override
    public int outputCount() {
        return 1;
    }

    @Override
    public void writeJson(JsonWriter w) {
        w.beginObject().field("type", "file").field("base", base).field("actions", actions).endObject();
    }
}
