package dev.kiln.cli.images;

import dev.kiln.cli.engine.Engine;
import dev.kiln.cli.engine.EngineOptions;
import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.worker.registry.ImageReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code kiln rmi NAME...}: removes names from the local image store (their content stays until pruned). */
@Command(name = "rmi", mixinStandardHelpOptions = true, description = "Remove images from Kiln's local image store.")
public final class RmiCommand implements Callable<Integer> {
    @Mixin
    EngineOptions engine;

    @Parameters(arity = "1..*", paramLabel = "NAME", description = "Image names, e.g. myapp:latest.")
    List<String> names;

    @Override
    public Integer call() {
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
