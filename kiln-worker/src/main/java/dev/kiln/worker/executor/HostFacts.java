package dev.kiln.worker.executor;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What this process may hand to its containers: the hard resource limits and the capability bounding
 * set. runc sets rlimits and capabilities from inside the container, where without CAP_SYS_RESOURCE a
 * hard limit can only go down and a capability outside the bounding set cannot be gained at all.
 *
 * @param hardLimits by rlimit name without prefix ({@code NOFILE}); -1 (unsigned 2^64-1) is unlimited
 * @param boundingCaps the CapBnd bit mask
 */
record HostFacts(Map<String, Long> hardLimits, long boundingCaps) {

    static final long UNLIMITED = -1L;

    /** Column names of /proc/self/limits, by rlimit name. */
    private static final Map<String, String> LIMIT_NAMES = Map.ofEntries(
            Map.entry("Max cpu time", "CPU"), Map.entry("Max file size", "FSIZE"),
            Map.entry("Max data size", "DATA"), Map.entry("Max stack size", "STACK"),
            Map.entry("Max core file size", "CORE"), Map.entry("Max resident set", "RSS"),
            Map.entry("Max processes", "NPROC"), Map.entry("Max open files", "NOFILE"),
            Map.entry("Max locked memory", "MEMLOCK"), Map.entry("Max address space", "AS"),
            Map.entry("Max file locks", "LOCKS"), Map.entry("Max pending signals", "SIGPENDING"),
            Map.entry("Max msgqueue size", "MSGQUEUE"), Map.entry("Max nice priority", "NICE"),
            Map.entry("Max realtime priority", "RTPRIO"), Map.entry("Max realtime timeout", "RTTIME"));

    HostFacts {
        hardLimits = Map.copyOf(hardLimits);
    }

    static HostFacts current() {
        try {
            return new HostFacts(parseLimits(Files.readAllLines(Path.of("/proc/self/limits"))),
                    parseBoundingCaps(Files.readAllLines(Path.of("/proc/self/status"))));
        } catch (IOException e) {
            throw new KilnException(ErrorKind.UNAVAILABLE, "cannot read this process's limits from /proc: " + e, e);
        }
    }

    /** The hard limit for {@code name}; unknown names are treated as unlimited. */
    long hardLimit(String name) {
        return hardLimits.getOrDefault(name, UNLIMITED);
    }

    boolean hasCapability(int bit) {
        return bit < 64 && (boundingCaps & (1L << bit)) != 0;
    }

    static Map<String, Long> parseLimits(List<String> lines) {
        Map<String, Long> limits = new HashMap<>();
        for (String line : lines) {
            LIMIT_NAMES.forEach((column, name) -> {
                if (line.startsWith(column + " ")) {
                    String[] fields = line.substring(column.length()).trim().split("\\s+");
                    limits.put(name, fields[1].equals("unlimited") ? UNLIMITED : Long.parseUnsignedLong(fields[1]));
                }
            });
        }
        return limits;
    }

    static long parseBoundingCaps(List<String> statusLines) {
        return statusLines.stream()
                .filter(line -> line.startsWith("CapBnd:"))
                .mapToLong(line -> Long.parseUnsignedLong(line.substring("CapBnd:".length()).trim(), 16))
                .findFirst()
                .orElse(0L);
    }
}
