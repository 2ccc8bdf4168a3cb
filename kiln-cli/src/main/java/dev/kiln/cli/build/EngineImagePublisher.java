package dev.kiln.cli.build;

import dev.kiln.cli.engine.Engine;
import dev.kiln.core.oci.Descriptor;
import dev.kiln.exporter.ImagePublisher;
import dev.kiln.exporter.image.ImageName;
import dev.kiln.worker.registry.ImageReference;

/** Publishes exported images into the engine's local image store, or pushes them to their registry. */
final class EngineImagePublisher implements ImagePublisher {
    private final Engine engine;

    EngineImagePublisher(Engine engine) {
        this.engine = engine;
    }

    @Override
    public void store(ImageName name, Descriptor manifest) {
        engine.images().put(ImageReference.parse(name.toString()), manifest);
    }

    @Override
    public void push(ImageName name, Descriptor manifest) {
        engine.registry().push(ImageReference.parse(name.toString()), manifest, null);
    }
}
