package dev.kiln.cli.cache;

import dev.kiln.cli.args.LeafCommand;
import dev.kiln.cli.args.Options;
import dev.kiln.cli.engine.Engine;
import dev.kiln.cli.engine.EngineOptions;
import dev.kiln.cli.progress.PlainProgress;
import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * {@code kiln prune}: removes build cache nobody uses, as {@code docker buildx prune}: cache mount directories
 * ({@code exec.cachemount}) and the snapshots of build steps ({@code regular}) with their cache records. Like
 * BuildKit, layers of pulled images are kept unless {@code --all}. A record some build holds is never removed.
 */
public final class PruneCommand {
    private final EngineOptions engine = new EngineOptions();
    private final List<String> filters = new ArrayList<>();
    private boolean all;
    private boolean force;
    private boolean verbose;

    public LeafCommand spec() {
        Options o = new Options();
        engine.declare(o);
        CacheFilter.declare(o, filters);
        o.option("-a", "--all").flag("Include the layers of pulled images.", v -> all = v);
        o.option("-f", "--force").flag("Do not prompt for confirmation.", v -> force = v);
        o.option("--verbose").flag("Provide a more verbose output.", v -> verbose = v);
        return o.command("Remove build cache.", this::call);
    }

    private int call() {
        if (!force && !confirmed()) {
            return 0;
        }
        Predicate<CacheUsage> filter = CacheFilter.parse(filters, Instant.now());
        List<CacheUsage> removed = new ArrayList<>();
        try (Engine e = engine.open()) {
            e.cacheMounts().prune(m -> filter.test(CacheUsage.of(m))).stream().map(CacheUsage::of).forEach(removed::add);
            e.buildCache().prune(c -> (all || !c.imageLayer()) && filter.test(CacheUsage.of(c))).stream()
                    .map(CacheUsage::of).forEach(removed::add);
        }
        if (verbose) {
            removed.forEach(r -> System.out.printf("%-34s %-16s %s%n", r.id(), r.type(), PlainProgress.bytes(r.size())));
        }
        System.out.printf("Total:\t%s%n", PlainProgress.bytes(removed.stream().mapToLong(CacheUsage::size).sum()));
        return 0;
    }

    private static boolean confirmed() {
        System.err.print("WARNING! This will remove all dangling build cache. Are you sure you want to continue? [y/N] ");
        try {
            String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return answer != null && (answer.strip().equalsIgnoreCase("y") || answer.strip().equalsIgnoreCase("yes"));
        } catch (IOException e) {
            throw new KilnException(ErrorKind.INVALID_ARGUMENT, "cannot read the confirmation: " + e.getMessage(), e);
        }
    }
}
