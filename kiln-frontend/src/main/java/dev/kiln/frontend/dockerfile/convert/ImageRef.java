package dev.kiln.frontend.dockerfile.convert;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Image references as {@code FROM} uses them, with distribution/reference's rules: {@code busybox}
 * normalises to {@code docker.io/library/busybox:latest}; a tag or digest is kept as written.
 */
final class ImageRef {
    private static final String PATH_COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
    private static final String DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    private static final String HOST = "(?:" + DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")*"
            + "|\\[[a-fA-F0-9:]+\\])";
    private static final Pattern REFERENCE = Pattern.compile("^((?:" + HOST + "(?::[0-9]+)?/)?"
            + PATH_COMPONENT + "(?:/" + PATH_COMPONENT + ")*)"
            + "(?::([\\w][\\w.-]{0,127}))?"
            + "(?:@([A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}))?$");
    private static final Pattern HEX_ID = Pattern.compile("^[a-f0-9]{64}$");
    private static final int NAME_MAX = 255;

    private ImageRef() {
    }

    /** The fully qualified reference, {@code :latest} added when neither tag nor digest is given. */
    static String normalize(String ref) {
        Matcher m = parse(ref);
        String name = m.group(1);
        if (m.group(2) == null && m.group(3) == null) {
            return name + ":latest";
        }
        return name + (m.group(2) == null ? "" : ":" + m.group(2)) + (m.group(3) == null ? "" : "@" + m.group(3));
    }

    static boolean isValid(String ref) {
        try {
            parse(ref);
            return true;
        } catch (KilnException e) {
            return false;
        }
    }

    /** The reference with {@code @digest} appended (a digest already present is replaced). */
    static String withDigest(String normalized, String digest) {
        int at = normalized.indexOf('@');
        return (at < 0 ? normalized : normalized.substring(0, at)) + "@" + digest;
    }

    private static Matcher parse(String ref) {
        if (HEX_ID.matcher(ref).matches()) {
            throw invalid("invalid repository name (" + ref + "), cannot specify 64-byte hexadecimal strings");
        }
        String[] split = splitDomain(ref);
        String remainder = split[1];
        int colon = remainder.indexOf(':');
        String remoteName = colon < 0 ? remainder : remainder.substring(0, colon);
        if (!remoteName.toLowerCase(Locale.ROOT).equals(remoteName)) {
            throw invalid("invalid reference format: repository name (" + remainder + ") must be lowercase");
        }
        Matcher m = REFERENCE.matcher(split[0] + "/" + remainder);
        if (!m.matches()) {
            throw invalid("invalid reference format");
        }
        if (m.group(1).length() > NAME_MAX) {
            throw invalid("repository name must not be more than " + NAME_MAX + " characters");
        }
        return m;
    }

    /** {@code [domain, remainder]}: the first component is a registry only if it looks like a host. */
    private static String[] splitDomain(String name) {
        int slash = name.indexOf('/');
        String domain;
        String remainder;
        if (slash < 0 || !isHost(name.substring(0, slash))) {
            domain = "docker.io";
            remainder = name;
        } else {
            domain = name.substring(0, slash);
            remainder = name.substring(slash + 1);
        }
        if (domain.equals("index.docker.io")) {
            domain = "docker.io";
        }
        if (domain.equals("docker.io") && remainder.indexOf('/') < 0) {
            remainder = "library/" + remainder;
        }
        return new String[] {domain, remainder};
    }

    private static boolean isHost(String first) {
        return first.contains(".") || first.contains(":") || first.equals("localhost")
                || !first.toLowerCase(Locale.ROOT).equals(first);
    }

    private static KilnException invalid(String message) {
        return new KilnException(ErrorKind.INVALID_ARGUMENT, message);
    }
}
