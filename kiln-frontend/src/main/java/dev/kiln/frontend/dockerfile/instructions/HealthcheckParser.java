package dev.kiln.frontend.dockerfile.instructions;

import dev.kiln.frontend.dockerfile.parser.GoQuote;
import dev.kiln.frontend.dockerfile.parser.GoText;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** HEALTHCHECK: NONE, or CMD with interval/timeout/start-period/start-interval/retries flags. */
final class HealthcheckParser {
    private static final Duration MINIMUM = Duration.ofMillis(1);

    private HealthcheckParser() {
    }

    static HealthcheckInstruction healthcheck(Request req) {
        if (req.args().isEmpty()) {
            throw Errors.atLeastOneArgument("HEALTHCHECK");
        }
        String type = GoText.toUpper(req.args().getFirst());
        List<String> rest = req.args().subList(1, req.args().size());
        if (type.equals("NONE")) {
            if (!rest.isEmpty()) {
                throw Errors.invalid("HEALTHCHECK NONE takes no arguments");
            }
            return new HealthcheckInstruction(req.info(),
                    new HealthConfig(List.of("NONE"), Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, 0));
        }
        BuilderFlags flags = req.flags();
        BuilderFlags.Flag interval = flags.addString("interval", "");
        BuilderFlags.Flag timeout = flags.addString("timeout", "");
        BuilderFlags.Flag startPeriod = flags.addString("start-period", "");
        BuilderFlags.Flag startInterval = flags.addString("start-interval", "");
        BuilderFlags.Flag retries = flags.addString("retries", "");
        flags.parse();
        if (!type.equals("CMD")) {
            throw Errors.invalid("Unknown type " + GoQuote.quote(type) + " in HEALTHCHECK (try CMD)");
        }
        List<String> command = rest.isEmpty() ? List.of() : req.json() ? rest : List.of(String.join(" ", rest));
        if (command.isEmpty()) {
            throw Errors.invalid("Missing command after HEALTHCHECK CMD");
        }
        List<String> test = new ArrayList<>();
        test.add(req.json() ? "CMD" : "CMD-SHELL");
        test.addAll(command);
        return new HealthcheckInstruction(req.info(), new HealthConfig(test, interval(interval), interval(timeout),
                interval(startPeriod), interval(startInterval), retries(retries.value())));
    }

    /** A duration flag: empty or zero means "default"; otherwise at least 1ms. */
    private static Duration interval(BuilderFlags.Flag flag) {
        if (flag.value().isEmpty()) {
            return Duration.ZERO;
        }
        Duration d = GoDuration.parse(flag.value());
        if (d.isZero()) {
            return d;
        }
        if (d.compareTo(MINIMUM) < 0) {
            throw Errors.invalid("Interval " + GoQuote.quote(flag.name()) + " cannot be less than 1ms");
        }
        return d;
    }

    private static int retries(String value) {
        if (value.isEmpty()) {
            return 0;
        }
        int retries = GoNumbers.parseInt32(value);
        if (retries < 0) {
            throw Errors.invalid("--retries cannot be negative (" + retries + ")");
        }
        return retries;
    }
}
