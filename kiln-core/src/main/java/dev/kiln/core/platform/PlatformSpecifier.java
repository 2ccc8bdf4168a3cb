package dev.kiln.core.platform;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** containerd's {@code platforms.Parse}. */
final class PlatformSpecifier {
    private static final Pattern COMPONENT = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final Pattern OS_COMPONENT =
            Pattern.compile("([A-Za-z0-9_-]+)(?:\\(([A-Za-z0-9_.%-]*)((?:\\+[A-Za-z0-9_.%-]+)*)\\))?");

    private PlatformSpecifier() {
    }

    static Platform parse(String specifier) {
        if (specifier.contains("*")) {
            throw invalid(quote(specifier) + ": wildcards not yet supported");
        }
        String[] parts = specifier.split("/", 4);
        Matcher osPart = OS_COMPONENT.matcher(parts[0]);
        if (!osPart.matches()) {
            throw invalid(quote(parts[0]) + " is an invalid OS component of " + quote(specifier)
                    + ": OSAndVersion specifier component must match " + quote("^" + OS_COMPONENT.pattern() + "$"));
        }
        for (int i = 1; i < parts.length; i++) {
            if (!COMPONENT.matcher(parts[i]).matches()) {
                throw invalid(quote(parts[i]) + " is an invalid component of " + quote(specifier)
                        + ": platform specifier component must match " + quote("^" + COMPONENT.pattern() + "$"));
            }
        }
        String os = Architectures.normalizeOS(osPart.group(1));
        String version = decode(specifier, "version", osPart.group(2) == null ? "" : osPart.group(2));
        List<String> features = features(specifier, osPart.group(3));
        return switch (parts.length) {
            case 1 -> single(specifier, os, version, features);
            case 2 -> withArch(os, version, features, Architectures.normalizeArch(parts[1], ""), true);
            case 3 -> withArch(os, version, features, Architectures.normalizeArch(parts[1], parts[2]), false);
            default -> throw invalid(quote(specifier) + ": cannot parse platform specifier");
        };
    }

    /** A lone OS (this host's architecture) or a lone architecture (this host's OS). */
    private static Platform single(String specifier, String os, String version, List<String> features) {
        if (Architectures.isKnownOS(os)) {
            String arch = HostPlatform.arch();
            String hostVariant = HostPlatform.variant();
            String variant = arch.equals("arm") && !hostVariant.equals("v7") ? hostVariant : "";
            return new Platform(os, arch, variant, version, features);
        }
        String[] arch = Architectures.normalizeArch(specifier, "");
        if (!Architectures.isKnownArch(arch[0])) {
            throw invalid(quote(specifier) + ": unknown operating system or architecture");
        }
        return withArch(HostPlatform.os(), version, features, arch, true);
    }

    /** The implied arm v7 is left out unless the variant was written; arm64 written with a variant keeps v8. */
    private static Platform withArch(String os, String version, List<String> features, String[] arch,
                                     boolean variantImplied) {
        String variant = arch[1];
        if (variantImplied && arch[0].equals("arm") && variant.equals("v7")) {
            variant = "";
        } else if (!variantImplied && arch[0].equals("arm64") && variant.isEmpty()) {
            variant = "v8";
        }
        return new Platform(os, arch[0], variant, version, features);
    }

    private static List<String> features(String specifier, String raw) {
        List<String> features = new ArrayList<>();
        if (raw != null && !raw.isEmpty()) {
            for (String f : raw.substring(1).split("\\+", -1)) {
                features.add(decode(specifier, "feature", f));
            }
        }
        return features;
    }

    /** Go's {@code url.PathUnescape}, applied only when the value contains {@code %}. */
    private static String decode(String specifier, String what, String value) {
        if (value.indexOf('%') < 0) {
            return value;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] != '%') {
                out.write(bytes[i]);
                continue;
            }
            int hi = i + 2 < bytes.length ? Character.digit(bytes[i + 1], 16) : -1;
            int lo = hi >= 0 ? Character.digit(bytes[i + 2], 16) : -1;
            if (lo < 0) {
                String bad = value.substring(i, Math.min(i + 3, value.length()));
                throw new KilnException(ErrorKind.INVALID_ARGUMENT, quote(specifier) + " has an invalid OS " + what
                        + " " + quote(value) + ": invalid URL escape " + quote(bad));
            }
            out.write(hi * 16 + lo);
            i += 2;
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Upstream wraps containerd's ErrInvalidArgument, whose text ends the message. */
    private static KilnException invalid(String message) {
        return new KilnException(ErrorKind.INVALID_ARGUMENT, message + ": invalid argument");
    }
}
