package dev.kiln.core.platform;

import java.util.Locale;
import java.util.Set;

/** containerd's OS/architecture vocabulary: the names Go knows, and the normalisation of common aliases. */
final class Architectures {
    private static final Set<String> KNOWN_OS = Set.of("aix", "android", "darwin", "dragonfly", "freebsd", "hurd",
            "illumos", "ios", "js", "linux", "nacl", "netbsd", "openbsd", "plan9", "solaris", "windows", "zos");
    private static final Set<String> KNOWN_ARCH = Set.of("386", "amd64", "amd64p32", "arm", "armbe", "arm64",
            "arm64be", "ppc64", "ppc64le", "loong64", "mips", "mipsle", "mips64", "mips64le", "mips64p32",
            "mips64p32le", "ppc", "riscv", "riscv64", "s390", "s390x", "sparc", "sparc64", "wasm");

    private Architectures() {
    }

    static boolean isKnownOS(String os) {
        return KNOWN_OS.contains(os);
    }

    static boolean isKnownArch(String arch) {
        return KNOWN_ARCH.contains(arch);
    }

    /** Lower-cases, maps macOS to darwin; an empty OS means this host's. */
    static String normalizeOS(String os) {
        if (os.isEmpty()) {
            return HostPlatform.os();
        }
        String lower = os.toLowerCase(Locale.ROOT);
        return lower.equals("macos") ? "darwin" : lower;
    }

    /**
     * Canonical architecture and variant: aarch64 → arm64 (v8 and vN.0 spelled without the variant or the
     * ".0"), x86_64 → amd64 (v1 dropped), i386 → 386, armhf → arm/v7, armel → arm/v6, bare arm → arm/v7.
     * Returns {architecture, variant}.
     */
    static String[] normalizeArch(String arch, String variant) {
        String a = arch.toLowerCase(Locale.ROOT);
        String v = variant.toLowerCase(Locale.ROOT);
        return switch (a) {
            case "i386" -> new String[] {"386", ""};
            case "x86_64", "x86-64", "amd64" -> new String[] {"amd64", v.equals("v1") ? "" : v};
            case "aarch64", "arm64" -> new String[] {"arm64", arm64Variant(v)};
            case "armhf" -> new String[] {"arm", "v7"};
            case "armel" -> new String[] {"arm", "v6"};
            case "arm" -> new String[] {"arm", switch (v) {
                case "", "7" -> "v7";
                case "5", "6", "8" -> "v" + v;
                default -> v;
            }};
            default -> new String[] {a, v};
        };
    }

    private static String arm64Variant(String variant) {
        int dot = variant.indexOf('.');
        String major = dot < 0 ? variant : variant.substring(0, dot);
        String minor = dot < 0 ? null : variant.substring(dot + 1);
        if (major.startsWith("v")) {
            major = major.substring(1);
        }
        if ("0".equals(minor)) {
            minor = null;
        }
        if ((major.isEmpty() || major.equals("8")) && minor == null) {
            return "";
        }
        return "v" + major + (minor == null ? "" : "." + minor);
    }
}
