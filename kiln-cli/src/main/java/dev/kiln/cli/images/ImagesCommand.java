package dev.kiln.cli.images;

import dev.kiln.cli.engine.Engine;
import dev.kiln.cli.engine.EngineOptions;
import dev.kiln.worker.image.ImageRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;

/** {@code kiln images}: the names in Kiln's local image store. */
@Command(name = "images", mixinStandardHelpOptions = true, description = "List images in Kiln's local image store.")
public final class ImagesCommand implements Callable<Integer> {
    @Mixin
    EngineOptions engine;

    @Override
    public Integer call() {
        try (Engine e = engine.open()) {
            System.out.printf("%-50s %-22s %s%n", "NAME", "CREATED", "DIGEST");
            for (ImageRecord r : e.images().list()) {
                System.out.printf("%-50s %-22s %s%n", r.name(),
                        DateTimeFormatter.ISO_INSTANT.format(r.created().truncatedTo(ChronoUnit.SECONDS)), r.digest());
            }
        }
        return 0;
    }
}
