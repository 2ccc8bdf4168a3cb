package dev.kiln.core.platform;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;

import java.util.Locale;

/** The ARM variant of a CPU, from /proc/cpuinfo or the machine architecture name (containerd's cpuinfo_linux). */
final class CpuVariant {
    private CpuVariant() {
    }

    /** The variant number for a machine name: aarch64 → 8, armvN… → N (3..8), other armv… → unknown. */
    static String fromArch(String machine) {
        String arch = machine.toLowerCase(Locale.ROOT);
        if (arch.equals("aarch64")) {
            return "8";
        }
        if (!arch.startsWith("armv") || arch.length() < 5) {
            throw new KilnException(ErrorKind.INVALID_ARGUMENT, "invalid machine architecture: " + machine);
        }
        char n = arch.charAt(4);
        return n >= '3' && n <= '8' ? String.valueOf(n) : "unknown";
    }

    /** The value of a /proc/cpuinfo field (first occurrence, name compared case-insensitively), or null. */
    static String cpuinfoField(String cpuinfo, String name) {
        for (String line : cpuinfo.split("\n")) {
            String[] parts = line.split(":", -1);
            if (parts.length > 1 && parts[0].strip().equalsIgnoreCase(name)) {
                return parts[1].strip();
            }
        }
        return null;
    }

    /**
     * The variant ("v7", "v8", …) from the value of cpuinfo's "CPU architecture" field, or, when that field is
     * missing ({@code cpuArchitecture} null, as under emulation), from the machine name.
     */
    static String arm(String cpuArchitecture, String machine, String modelName) {
        String raw = cpuArchitecture != null ? cpuArchitecture : fromArch(machine);
        // Raspberry Pi ARMv6 boards report architecture 7; their model name tells the truth.
        if (raw.equals("7") && HostPlatform.arch().equals("arm") && modelName != null
                && modelName.toLowerCase(Locale.ROOT).startsWith("armv6-compatible")) {
            raw = "6";
        }
        return switch (raw.toLowerCase(Locale.ROOT)) {
            case "8", "aarch64" -> "v8";
            case "7", "7m", "?(12)", "?(13)", "?(14)", "?(15)", "?(16)", "?(17)" -> "v7";
            case "6", "6tej" -> "v6";
            case "5", "5t", "5te", "5tej" -> "v5";
            case "4", "4t" -> "v4";
            case "3" -> "v3";
            default -> "unknown";
        };
    }
}
