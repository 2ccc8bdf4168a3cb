package dev.kiln.graph;

import dev.kiln.core.Digest;

/** A result of the graph: output {@code index} of the node with digest {@code node}. */
public record Output(Digest node, int index) {
}
