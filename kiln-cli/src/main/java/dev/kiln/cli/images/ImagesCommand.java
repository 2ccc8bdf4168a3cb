package dev.kiln.cli.images;

import dev.kiln.cli.args.LeafCommand;
import dev.kiln.cli.args.Options;
import dev.kiln.cli.engine.Engine;
import dev.kiln.cli.engine.EngineOptions;
import dev.kiln.worker.image.ImageRecord;

import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** {@code kiln images}: the names in Kiln's local image store. */
public final class ImagesCommand {
    private final EngineOptions engine = new EngineOptions();

    public LeafCommand spec() {
        Options o = new Options();
        engine.declare(o);
        return o.command("List images in Kiln's local image store.", this::call);
    }

    private int call() {
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
