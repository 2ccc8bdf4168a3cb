package dev.kiln.frontend.dockerfile.convert;

import dev.kiln.core.oci.ImageConfig;
import dev.kiln.frontend.dockerfile.lint.LintWarning;
import dev.kiln.graph.Graph;

import java.util.List;

/**
 * A converted Dockerfile.
 *
 * @param graph    the build graph; its result is the target stage's filesystem (null: an empty scratch
 *                 image). Every node carries its progress name and Dockerfile lines in its
 *                 {@link dev.kiln.graph.NodeMeta}.
 * @param image    the image configuration to export: config and history as BuildKit writes them, base
 *                 image history first; {@code created} and the new layers' diff IDs are left to the exporter
 * @param warnings build-check findings, in the order they were found
 */
public record ConvertResult(Graph graph, ImageConfig image, List<LintWarning> warnings) {
    public ConvertResult {
        warnings = List.copyOf(warnings);
    }
}
