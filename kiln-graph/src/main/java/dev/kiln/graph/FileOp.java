package dev.kiln.graph;

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
}
