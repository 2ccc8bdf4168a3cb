package dev.kiln.worker.image;

import dev.kiln.core.oci.Descriptor;
import dev.kiln.core.oci.Descriptor.OciPlatform;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Picks the manifest for a platform from an index the way containerd's {@code platforms.Only} does: names are
 * normalised ({@code x86_64} is {@code amd64}, {@code aarch64} is {@code arm64}, arm64's variant defaults to
 * {@code v8}, arm's to {@code v7}), an exact match wins, and otherwise the closest compatible older variant
 * ({@code arm64} runs {@code arm/v8} to {@code arm/v5}, {@code amd64/v3} runs {@code v2} and {@code v1}).
 */
final class PlatformMatcher {
    private PlatformMatcher() {
    }

    static Optional<Descriptor> select(List<Descriptor> manifests, OciPlatform wanted) {
        for (OciPlatform candidate : acceptable(normalize(wanted))) {
            for (Descriptor d : manifests) {
                if (d.platform() != null && normalize(d.platform()).equals(candidate)) {
                    return Optional.of(d);
                }
            }
        }
        return Optional.empty();
    }

    /** {@code linux/arm64/v8} */
    static String format(OciPlatform p) {
        OciPlatform n = normalize(p);
        return n.os() + "/" + n.architecture() + (n.variant().isEmpty() ? "" : "/" + n.variant());
    }

    static OciPlatform normalize(OciPlatform p) {
        String os = lower(p.os());
        os = os.equals("macos") ? "darwin" : os;
        String arch = lower(p.architecture());
        String variant = lower(p.variant());
        switch (arch) {
            case "x86_64", "x86-64", "amd64" -> {
                arch = "amd64";
                variant = variant.equals("v1") ? "" : variant;
            }
            case "i386", "i486", "i586", "i686" -> arch = "386";
            case "aarch64", "arm64" -> {
                arch = "arm64";
                variant = variant.isEmpty() || variant.equals("8") || variant.equals("v8.0") ? "v8" : variant;
            }
            case "armhf" -> {
                arch = "arm";
                variant = "v7";
            }
            case "armel" -> {
                arch = "arm";
                variant = "v6";
            }
            case "arm" -> variant = variant.isEmpty() ? "v7" : variant.startsWith("v") ? variant : "v" + variant;
            default -> {
            }
        }
        return new OciPlatform(arch, os, variant, null);
    }

    /** The wanted platform first, then the compatible ones in order of preference. */
    private static List<OciPlatform> acceptable(OciPlatform p) {
        List<OciPlatform> out = new ArrayList<>(List.of(p));
        int level = variantLevel(p.variant());
        switch (p.architecture()) {
            case "arm64" -> {
                for (int v = 8; v >= 5; v--) {
                    out.add(new OciPlatform("arm", p.os(), "v" + v, null));
                }
            }
            case "arm" -> {
                for (int v = level - 1; v >= 5; v--) {
                    out.add(new OciPlatform("arm", p.os(), "v" + v, null));
                }
            }
            case "amd64" -> {
                for (int v = level - 1; v >= 2; v--) {
                    out.add(new OciPlatform("amd64", p.os(), "v" + v, null));
                }
                if (level > 1) {
                    out.add(new OciPlatform("amd64", p.os(), "", null));
                }
            }
            default -> {
            }
        }
        return out;
    }

    private static int variantLevel(String variant) {
        try {
            return variant.startsWith("v") ? Integer.parseInt(variant.substring(1)) : 1;
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
