package dev.kiln.core.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** This machine's OS, architecture and (on ARM) CPU variant, in Go's naming, as containerd's DefaultSpec. */
final class HostPlatform {
    private static final String OS = goOS(System.getProperty("os.name", ""));
    private static final String ARCH = goArch(System.getProperty("os.arch", ""));
    private static final Platform PLATFORM = detect();

    private HostPlatform() {
    }

    static String os() {
        return OS;
    }

    static String arch() {
        return ARCH;
    }

    /** The ARM variant ("v7", "v8", …); empty elsewhere, so an amd64 host is plain linux/amd64 as in BuildKit. */
    static String variant() {
        return PLATFORM.variant();
    }

    static Platform platform() {
        return PLATFORM;
    }

    private static Platform detect() {
        String variant = ARCH.equals("arm") || ARCH.equals("arm64") ? armVariant() : "";
        return new Platform(OS, ARCH, variant, "", List.of());
    }

    private static String armVariant() {
        String cpuinfo = read(Path.of("/proc/cpuinfo"));
        String machine = read(Path.of("/proc/sys/kernel/arch")).strip();
        try {
            return CpuVariant.arm(CpuVariant.cpuinfoField(cpuinfo, "Cpu architecture"),
                    machine.isEmpty() ? System.getProperty("os.arch", "") : machine,
                    CpuVariant.cpuinfoField(cpuinfo, "model name"));
        } catch (RuntimeException e) {
            return ""; // like upstream, an undetectable variant is left empty
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static String goOS(String osName) {
        String lower = osName.toLowerCase(Locale.ROOT);
        if (lower.startsWith("mac")) {
            return "darwin";
        }
        return lower.startsWith("windows") ? "windows" : lower.replace(" ", "");
    }

    private static String goArch(String osArch) {
        return switch (osArch.toLowerCase(Locale.ROOT)) {
            case "x86_64", "amd64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            case "x86", "i386", "i486", "i586", "i686" -> "386";
            case "arm", "arm32" -> "arm";
            default -> osArch.toLowerCase(Locale.ROOT);
        };
    }
}
