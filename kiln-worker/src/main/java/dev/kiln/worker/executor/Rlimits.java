package dev.kiln.worker.executor;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.graph.ExecMeta.Ulimit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The rlimits of a container: BuildKit's usual open-files limit (soft 1024, hard 1048576: a Go daemon
 * hands its children the original soft limit and the service's hard one) plus the step's ulimits, each
 * clamped to this process's hard limit because the container cannot raise it (no CAP_SYS_RESOURCE).
 */
final class Rlimits {

    private static final Set<String> NAMES = Set.of("AS", "CORE", "CPU", "DATA", "FSIZE", "LOCKS", "MEMLOCK",
            "MSGQUEUE", "NICE", "NOFILE", "NPROC", "RSS", "RTPRIO", "RTTIME", "SIGPENDING", "STACK");
    private static final long DEFAULT_NOFILE_SOFT = 1024;
    private static final long DEFAULT_NOFILE_HARD = 1048576;

    private Rlimits() {
    }

    static List<OciSpec.Rlimit> forContainer(List<Ulimit> ulimits, HostFacts host) {
        Map<String, long[]> wanted = new LinkedHashMap<>();
        wanted.put("NOFILE", new long[]{DEFAULT_NOFILE_SOFT, DEFAULT_NOFILE_HARD});
        for (Ulimit ulimit : ulimits) {
            String name = validName(ulimit.name());
            long soft = unsigned(ulimit.soft(), ulimit.name());
            long hard = unsigned(ulimit.hard(), ulimit.name());
            if (Long.compareUnsigned(soft, hard) > 0) {
                throw new KilnException(ErrorKind.INVALID_ARGUMENT, "ulimit " + ulimit.name() + ": soft limit "
                        + ulimit.soft() + " is greater than hard limit " + ulimit.hard());
            }
            wanted.put(name, new long[]{soft, hard});
        }
        return wanted.entrySet().stream().map(e -> clamped(e.getKey(), e.getValue(), host)).toList();
    }

    private static OciSpec.Rlimit clamped(String name, long[] softHard, HostFacts host) {
        long hard = unsignedMin(softHard[1], host.hardLimit(name));
        long soft = unsignedMin(softHard[0], hard);
        return OciSpec.Rlimit.of("RLIMIT_" + name, hard, soft);
    }

    private static String validName(String name) {
        String upper = name == null ? "" : name.toUpperCase(Locale.ROOT);
        if (!NAMES.contains(upper)) {
            throw new KilnException(ErrorKind.INVALID_ARGUMENT, "invalid ulimit type: " + name);
        }
        return upper;
    }

    /** Docker's ulimit syntax writes unlimited as -1. */
    private static long unsigned(long value, String name) {
        if (value < -1) {
            throw new KilnException(ErrorKind.INVALID_ARGUMENT, "ulimit " + name + ": invalid value " + value);
        }
        return value;
    }

    private static long unsignedMin(long a, long b) {
        return Long.compareUnsigned(a, b) <= 0 ? a : b;
    }
}
