package dev.kiln.cli.build;

import dev.kiln.core.json.Json;
import dev.kiln.core.oci.Descriptor;
import dev.kiln.core.oci.ImageConfig;
import dev.kiln.core.oci.Index;
import dev.kiln.core.oci.Manifest;
import dev.kiln.graph.ExecOp;
import dev.kiln.graph.FileOp;
import dev.kiln.graph.SourceOp;

/**
 * Has the JSON mappings of the types every build reads and writes (image indexes, manifests and configs, the
 * graph's ops whose digests are taken over their JSON) made on a background thread while the command line is
 * parsed. Made on first use instead, they would cost a cached build a fifth of its time on the main thread.
 */
public final class JsonWarmUp {
    private JsonWarmUp() {
    }

    public static void startInBackground() {
        Thread.ofPlatform().daemon().name("kiln-json-warm-up").start(() -> Json.prepare(
                Index.class, Manifest.class, ImageConfig.class, Descriptor.class,
                SourceOp.class, ExecOp.class, FileOp.class));
    }
}
