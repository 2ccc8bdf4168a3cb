package dev.kiln.frontend.dockerfile.convert;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** STOPSIGNAL values as moby/sys/signal accepts them on Linux: a number, or a name with or without SIG. */
final class StopSignals {
    private static final Set<String> NAMES = names();

    private StopSignals() {
    }

    static void validate(String raw) {
        if (raw.matches("[+-]?[0-9]{1,18}")) {
            if (Long.parseLong(raw) == 0) {
                throw invalid(raw);
            }
            return;
        }
        String name = raw.toUpperCase(Locale.ROOT);
        if (!NAMES.contains(name.startsWith("SIG") ? name.substring(3) : name)) {
            throw invalid(raw);
        }
    }

    private static KilnException invalid(String raw) {
        return new KilnException(ErrorKind.INVALID_ARGUMENT, "Invalid signal: " + raw);
    }

    private static Set<String> names() {
        Set<String> n = new HashSet<>(Set.of("ABRT", "ALRM", "BUS", "CHLD", "CLD", "CONT", "FPE", "HUP", "ILL",
                "INT", "IO", "IOT", "KILL", "PIPE", "POLL", "PROF", "PWR", "QUIT", "SEGV", "STKFLT", "STOP", "SYS",
                "TERM", "TRAP", "TSTP", "TTIN", "TTOU", "UNUSED", "URG", "USR1", "USR2", "VTALRM", "WINCH", "XCPU",
                "XFSZ", "RTMIN", "RTMAX"));
        for (int i = 1; i <= 15; i++) {
            n.add("RTMIN+" + i);
            n.add("RTMAX-" + i);
        }
        return Set.copyOf(n);
    }
}
