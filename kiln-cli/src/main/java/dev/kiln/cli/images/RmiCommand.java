package dev.kiln.cli.images;

import dev.kiln.cli.args.LeafCommand;
import dev.kiln.cli.args.Options;
import dev.kiln.cli.engine.Engine;
import dev.kiln.cli.engine.EngineOptions;
import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.worker.registry.ImageReference;

import java.util.ArrayList;
import java.util.List;

/** {@code kiln rmi NAME...}: removes names from the local image store (their content stays until pruned). */
public final class RmiCommand {
    private final EngineOptions engine = new EngineOptions();
    private final List<String> names = new ArrayList<>();

    public LeafCommand spec() {
        Options o = new Options();
        engine.declare(o);
        o.parameters("NAME", "Image names, e.g. myapp:latest.", true, names::add);
        return o.command("Remove images from Kiln's local image store.", this::call);
    }

    private int call() {
        try (Engine e = engine.open()) {
            for (String name : names) {
                ImageReference ref = ImageReference.parse(name);
                if (!e.images().remove(ref)) {
                    throw new KilnException(ErrorKind.NOT_FOUND, "no such image: " + name);
                }
                System.out.println("Untagged: " + ref.familiarString());
            }
        }
        return 0;
    }
}
