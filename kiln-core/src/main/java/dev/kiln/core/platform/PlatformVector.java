package dev.kiln.core.platform;

import java.util.ArrayList;
import java.util.List;

/**
 * The platforms a (normalised) platform can also run, best first, as containerd's {@code Only} lists them:
 * amd64/vN runs amd64/v(N-1)…v1 and 386; arm/vN runs arm down to v5; arm64/v8.x runs v8.(x-1)…v8 and
 * arm/v8…v5; arm64/v9.x also runs v9.(x-1)…v9 and v8.(x+5, at most 9)….
 */
final class PlatformVector {
    private static final int ARM64_MAX_V8_MINOR = 9;

    private PlatformVector() {
    }

    static List<Platform> of(Platform platform) {
        List<Platform> vector = new ArrayList<>();
        vector.add(platform);
        switch (platform.architecture()) {
            case "amd64" -> {
                Integer level = atoi(trimV(platform.variant()));
                if (level != null && level > 1) {
                    for (int v = level - 1; v >= 1; v--) {
                        vector.add(with(platform, "amd64", "v" + v));
                    }
                }
                vector.add(with(platform, "386", ""));
            }
            case "arm" -> {
                Integer version = atoi(trimV(platform.variant()));
                if (version != null && version > 5) {
                    for (int v = version - 1; v >= 5; v--) {
                        vector.add(with(platform, "arm", "v" + v));
                    }
                }
            }
            case "arm64" -> arm64(platform, vector);
            default -> {
            }
        }
        return vector;
    }

    private static void arm64(Platform platform, List<Platform> vector) {
        String variant = platform.variant().isEmpty() ? "v8" : platform.variant();
        int dot = variant.indexOf('.');
        Integer major = atoi(trimV(dot < 0 ? variant : variant.substring(0, dot)));
        if (major != null && major >= 8) {
            int minor = 0;
            // upstream only reads one-digit minors ("v8.1" but not "v8.10")
            if (variant.length() == 4 && dot >= 0) {
                Integer parsed = atoi(variant.substring(dot + 1));
                minor = parsed == null ? 0 : parsed;
            }
            if (major == 9) {
                addArm64Minors(platform, vector, 9, minor);
                minor = Math.min(minor + 5, ARM64_MAX_V8_MINOR);
                major = 8;
                vector.add(with(platform, "arm64", "v8." + minor));
            }
            addArm64Minors(platform, vector, major, minor);
        }
        // every arm64 CPU also runs 32-bit arm up to v8
        String armVariant = variant.startsWith("v8.") || variant.startsWith("v9.") ? "v8" : variant;
        vector.addAll(of(with(platform, "arm", armVariant)));
    }

    /** vM.(minor-1) … vM.1, vM. */
    private static void addArm64Minors(Platform platform, List<Platform> vector, int major, int minor) {
        for (int m = minor - 1; m >= 0; m--) {
            vector.add(with(platform, "arm64", m == 0 ? "v" + major : "v" + major + "." + m));
        }
    }

    private static Platform with(Platform base, String architecture, String variant) {
        return new Platform(base.os(), architecture, variant, base.osVersion(), base.osFeatures());
    }

    private static String trimV(String s) {
        return s.startsWith("v") ? s.substring(1) : s;
    }

    /** Go's {@code strconv.Atoi}: optional sign and ASCII digits; null when invalid or out of range. */
    private static Integer atoi(String s) {
        if (!s.matches("[+-]?[0-9]{1,9}")) {
            return null;
        }
        return Integer.parseInt(s);
    }
}
