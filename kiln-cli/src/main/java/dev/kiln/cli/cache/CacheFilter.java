package dev.kiln.cli.cache;

import dev.kiln.cli.args.Options;
import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * buildx's {@code --filter} for du and prune: {@code type=exec.cachemount|regular}, {@code id=ID} and
 * {@code until=DURATION} (last used longer ago than a Go duration such as {@code 24h} or {@code 1h30m}).
 * Several filters must all match.
 */
final class CacheFilter {
    private static final Pattern DURATION_PART = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)(ms|h|m|s)");
    private static final List<String> TYPES = List.of(CacheUsage.CACHE_MOUNT, CacheUsage.REGULAR);

    private CacheFilter() {
    }

    /** Declares {@code --filter}, shared by du and prune. */
    static void declare(Options o, List<String> filters) {
        o.option("--filter").values("FILTER",
                "Provide filter values (type=exec.cachemount|regular, id=ID, until=24h).", filters::add);
    }

    static Predicate<CacheUsage> parse(List<String> filters, Instant now) {
        Predicate<CacheUsage> all = u -> true;
        for (String f : filters) {
            all = all.and(one(f, now));
        }
        return all;
    }

    private static Predicate<CacheUsage> one(String filter, Instant now) {
        int eq = filter.indexOf('=');
        String key = eq < 0 ? "" : filter.substring(0, eq).strip().toLowerCase(Locale.ROOT);
        String value = eq < 0 ? "" : filter.substring(eq + 1).strip();
        return switch (key) {
            case "type" -> {
                if (!TYPES.contains(value)) {
                    throw invalid("unknown cache record type \"" + value + "\" in --filter " + filter
                            + " (types: " + String.join(", ", TYPES) + ")");
                }
                yield u -> u.type().equals(value);
            }
            case "id" -> u -> u.id().equals(value);
            case "until" -> {
                Instant cutoff = now.minus(duration(value, filter));
                yield u -> u.lastUsed().isBefore(cutoff);
            }
            default -> throw invalid("invalid --filter " + filter + ": expected type=, id= or until=");
        };
    }

    private static Duration duration(String text, String filter) {
        Matcher m = DURATION_PART.matcher(text);
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find() && m.start() == end) {
            double n = Double.parseDouble(m.group(1));
            long unitNanos = switch (m.group(2)) {
                case "h" -> 3_600_000_000_000L;
                case "m" -> 60_000_000_000L;
                case "s" -> 1_000_000_000L;
                default -> 1_000_000L;
            };
            total = total.plusNanos((long) (n * unitNanos));
            end = m.end();
        }
        if (text.isEmpty() || end != text.length()) {
            throw invalid("invalid duration in --filter " + filter + ": expected a Go duration such as 24h or 90m");
        }
        return total;
    }

    private static KilnException invalid(String message) {
        return new KilnException(ErrorKind.INVALID_ARGUMENT, message);
    }
}
