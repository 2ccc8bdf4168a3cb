package dev.kiln.cli.cache;

import dev.kiln.cli.args.LeafCommand;
import dev.kiln.cli.args.Options;
import dev.kiln.cli.engine.Engine;
import dev.kiln.cli.engine.EngineOptions;
import dev.kiln.cli.progress.PlainProgress;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** {@code kiln du}: disk usage of the build cache, as {@code docker buildx du} shows it, cache mounts included. */
public final class DuCommand {
    private final EngineOptions engine = new EngineOptions();
    private final List<String> filters = new ArrayList<>();
    private boolean verbose;

    public LeafCommand spec() {
        Options o = new Options();
        engine.declare(o);
        CacheFilter.declare(o, filters);
        o.option("--verbose").flag("Provide a more verbose output.", v -> verbose = v);
        return o.command("Show disk usage of the build cache.", this::call);
    }

    private int call() {
        Instant now = Instant.now();
        try (Engine e = engine.open()) {
            List<CacheUsage> records = CacheInventory.of(e).stream().filter(CacheFilter.parse(filters, now)).toList();
            print(System.out, records, now);
        }
        return 0;
    }

    private void print(PrintStream out, List<CacheUsage> records, Instant now) {
        if (verbose) {
            records.forEach(r -> printVerbose(out, r, now));
        } else if (!records.isEmpty()) {
            int width = records.stream().mapToInt(r -> r.id().length()).max().orElse(2);
            String row = "%-" + width + "s  %-16s %-12s %-10s %s%n";
            out.printf(row, "ID", "TYPE", "RECLAIMABLE", "SIZE", "LAST ACCESSED");
            for (CacheUsage r : records) {
                out.printf(row, r.id(), r.type(), r.reclaimable(), PlainProgress.bytes(r.size()), ago(r.lastUsed(), now));
            }
        }
        long reclaimable = records.stream().filter(CacheUsage::reclaimable).mapToLong(CacheUsage::size).sum();
        long total = records.stream().mapToLong(CacheUsage::size).sum();
        out.printf("Reclaimable:\t%s%n", PlainProgress.bytes(reclaimable));
        out.printf("Total:\t\t%s%n", PlainProgress.bytes(total));
    }

    private static void printVerbose(PrintStream out, CacheUsage r, Instant now) {
        out.printf("ID:\t\t%s%n", r.id());
        out.printf("Created at:\t%s%n", DateTimeFormatter.ISO_INSTANT.format(r.created().truncatedTo(ChronoUnit.SECONDS)));
        out.printf("Reclaimable:\t%s%n", r.reclaimable());
        out.printf("Size:\t\t%s%n", PlainProgress.bytes(r.size()));
        out.printf("Description:\t%s%n", r.description());
        out.printf("Last used:\t%s%n", ago(r.lastUsed(), now));
        out.printf("Type:\t\t%s%n%n", r.type());
    }

    /** "3 minutes ago", roughly as docker prints times. */
    static String ago(Instant then, Instant now) {
        long s = Math.max(0, Duration.between(then, now).toSeconds());
        if (s < 60) {
            return s + " seconds ago";
        }
        if (s < 3600) {
            return s / 60 + " minutes ago";
        }
        if (s < 2 * 86400) {
            return s / 3600 + " hours ago";
        }
        return s / 86400 + " days ago";
    }
}
