package dev.kiln.core.platform;

import dev.kiln.core.oci.Descriptor;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * An OCI platform with containerd/platforms semantics. Parse specifiers such as {@code linux/arm64},
 * {@code linux/arm/v7}, {@code arm64} (this host's OS) or {@code windows(10.0.17763+win32k)/amd64}; format
 * them back with {@link #format()} or {@link #formatAll()}; compare them with {@link PlatformMatcher}.
 *
 * @param os           e.g. {@code linux}
 * @param architecture Go's name, e.g. {@code amd64}, {@code arm64}
 * @param variant      CPU variant, e.g. {@code v7}; empty when none
 * @param osVersion    e.g. Windows' {@code 10.0.17763}; empty when none
 * @param osFeatures   e.g. {@code win32k}; in the order given
 */
public record Platform(String os, String architecture, String variant, String osVersion, List<String> osFeatures) {
    public Platform {
        os = os == null ? "" : os;
        architecture = architecture == null ? "" : architecture;
        variant = variant == null ? "" : variant;
        osVersion = osVersion == null ? "" : osVersion;
        osFeatures = osFeatures == null ? List.of() : List.copyOf(osFeatures);
    }

    public static Platform of(String os, String architecture, String variant) {
        return new Platform(os, architecture, variant, "", List.of());
    }

    /** The platform of an image-index entry (which carries no OS features). */
    public static Platform of(Descriptor.OciPlatform oci) {
        return new Platform(oci.os(), oci.architecture(), oci.variant(), oci.osVersion(), List.of());
    }

    /** This platform as written in an image index; empty variant and OS version are omitted. */
    public Descriptor.OciPlatform toOci() {
        return new Descriptor.OciPlatform(architecture, os, variant.isEmpty() ? null : variant,
                osVersion.isEmpty() ? null : osVersion);
    }

    /**
     * Parses a specifier {@code os[(version[+feature]…)][/arch[/variant]]}, or a lone OS or architecture; the
     * missing half comes from this host. Architectures are normalised (aarch64 → arm64, x86_64 → amd64,
     * armhf → arm, armel → arm/v6); the implied arm v7 of {@code linux/arm} stays empty.
     *
     * @throws dev.kiln.core.KilnException INVALID_ARGUMENT for a malformed or unknown specifier
     */
    public static Platform parse(String specifier) {
        return PlatformSpecifier.parse(specifier);
    }

    /** This machine's platform, normalised as BuildKit uses it (e.g. {@code linux/amd64}, {@code linux/arm/v7}). */
    public static Platform host() {
        return HostPlatform.platform().normalize();
    }

    /** The canonical form: OS and architecture lower-cased and de-aliased, features sorted without repeats. */
    public Platform normalize() {
        String[] arch = Architectures.normalizeArch(architecture, variant);
        List<String> features = osFeatures.stream().sorted().distinct().toList();
        return new Platform(Architectures.normalizeOS(os), arch[0], arch[1], osVersion, features);
    }

    /** {@code os/arch[/variant]}, or {@code unknown} without an OS. */
    public String format() {
        return os.isEmpty() ? "unknown" : join(os);
    }

    /** Like {@link #format()} with {@code (version+feature…)} after the OS: features sorted, empty ones skipped. */
    public String formatAll() {
        if (os.isEmpty()) {
            return "unknown";
        }
        StringBuilder options = new StringBuilder(encode(osVersion));
        for (String feature : osFeatures.stream().filter(f -> !f.isEmpty()).sorted().toList()) {
            options.append('+').append(encode(feature));
        }
        return join(options.isEmpty() ? os : os + "(" + options + ")");
    }

    private String join(String first) {
        StringJoiner out = new StringJoiner("/");
        for (String part : new String[] {first, architecture, variant}) {
            if (!part.isEmpty()) {
                out.add(part);
            }
        }
        return out.toString();
    }

    /** Escapes the characters that delimit OS options ({@code % + ( ) /}). */
    private static String encode(String value) {
        List<String> out = new ArrayList<>();
        value.codePoints().forEach(c -> out.add(switch (c) {
            case '%' -> "%25";
            case '+' -> "%2B";
            case '(' -> "%28";
            case ')' -> "%29";
            case '/' -> "%2F";
            default -> Character.toString(c);
        }));
        return String.join("", out);
    }
}
