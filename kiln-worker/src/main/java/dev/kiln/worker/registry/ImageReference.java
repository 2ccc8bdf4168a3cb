package dev.kiln.worker.registry;

import dev.kiln.core.Digest;
import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A normalised image reference, as docker's {@code ParseNormalizedNamed} + {@code TagNameOnly} make it:
 * {@code busybox} is {@code docker.io/library/busybox:latest}. {@code tag} is null when the reference has only a
 * digest; {@code digest} is null when it has none. A reference with both keeps both (the digest decides what is
 * fetched, the tag is informational).
 */
public record ImageReference(String domain, String path, String tag, Digest digest) {
    public static final String DOCKER_HUB = "docker.io";
    private static final String LEGACY_DOCKER_HUB = "index.docker.io";
    private static final String OFFICIAL_PREFIX = "library/";
    private static final int MAX_NAME_LENGTH = 255;

    private static final String DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    private static final Pattern DOMAIN = Pattern.compile(
            "(?:" + DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?");
    private static final String PATH_COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
    private static final Pattern REMAINDER = Pattern.compile("(" + PATH_COMPONENT + "(?:/" + PATH_COMPONENT + ")*)"
            + "(?::([\\w][\\w.-]{0,127}))?"
            + "(?:@([A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}))?");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-f0-9]{64}");

    public ImageReference {
        if (tag == null && digest == null) {
            throw new IllegalArgumentException("a reference needs a tag or a digest");
        }
    }

    /** Parses and normalises a reference; @throws KilnException INVALID_ARGUMENT naming the problem */
    public static ImageReference parse(String input) {
        if (input == null || input.isEmpty()) {
            throw invalid(input, "repository name must have at least one component");
        }
        if (IDENTIFIER.matcher(input).matches()) {
            throw invalid(input, "invalid repository name (" + input + "), cannot specify 64-byte hexadecimal strings");
        }
        String[] split = splitDomain(input);
        String domain = split[0];
        String remainder = split[1];
        int colon = remainder.indexOf(':');
        String remote = colon < 0 ? remainder : remainder.substring(0, colon);
        if (!remote.toLowerCase(Locale.ROOT).equals(remote)) {
            throw invalid(input, "invalid reference format: repository name (" + remote + ") must be lowercase");
        }
        Matcher m = REMAINDER.matcher(remainder);
        if (!DOMAIN.matcher(domain).matches() || !m.matches()) {
            throw invalid(input, "invalid reference format");
        }
        String path = m.group(1);
        if (path.length() > MAX_NAME_LENGTH) {
            throw invalid(input, "repository name must not be more than " + MAX_NAME_LENGTH + " characters");
        }
        Digest digest = m.group(3) == null ? null : parseDigest(input, m.group(3));
        String tag = m.group(2) == null && digest == null ? "latest" : m.group(2);
        return new ImageReference(domain, path, tag, digest);
    }

    /** docker's splitDockerDomain: the first component is a registry only if it looks like a host. */
    private static String[] splitDomain(String name) {
        int slash = name.indexOf('/');
        if (slash < 0) {
            return new String[]{DOCKER_HUB, OFFICIAL_PREFIX + name};
        }
        String first = name.substring(0, slash);
        String rest = name.substring(slash + 1);
        String domain;
        if (first.equals("localhost") || first.contains(".") || first.contains(":")
                || !first.toLowerCase(Locale.ROOT).equals(first)) {
            domain = first.equals(LEGACY_DOCKER_HUB) ? DOCKER_HUB : first;
        } else {
            domain = DOCKER_HUB;
            rest = name;
        }
        if (domain.equals(DOCKER_HUB) && rest.indexOf('/') < 0) {
            rest = OFFICIAL_PREFIX + rest;
        }
        return new String[]{domain, rest};
    }

    private static Digest parseDigest(String input, String text) {
        try {
            return Digest.parse(text);
        } catch (KilnException e) {
            throw invalid(input, "invalid or unsupported digest " + text);
        }
    }

    private static KilnException invalid(String input, String why) {
        return new KilnException(ErrorKind.INVALID_ARGUMENT, "invalid reference \"" + input + "\": " + why);
    }

    /** {@code docker.io/library/busybox}: the repository with its registry. */
    public String name() {
        return domain + "/" + path;
    }

    /** The short name docker shows: {@code busybox}, {@code foo/bar}, {@code 127.0.0.1:5000/x}. */
    public String familiarName() {
        if (!domain.equals(DOCKER_HUB)) {
            return name();
        }
        String rest = path.startsWith(OFFICIAL_PREFIX) ? path.substring(OFFICIAL_PREFIX.length()) : path;
        return rest.contains("/") ? path : rest;
    }

    /** The familiar name with tag and digest, e.g. {@code busybox:latest}. */
    public String familiarString() {
        return familiarName() + suffix();
    }

    /** What the registry API takes after {@code /manifests/}: the digest when there is one, else the tag. */
    public String manifestReference() {
        return digest != null ? digest.toString() : tag;
    }

    public ImageReference withDigest(Digest d) {
        return new ImageReference(domain, path, tag, d);
    }

    public ImageReference withTag(String t) {
        return parse(name() + ":" + t + (digest == null ? "" : "@" + digest));
    }

    /** The same repository, addressed by digest only. */
    public ImageReference byDigest(Digest d) {
        return new ImageReference(domain, path, null, d);
    }

    @Override
    public String toString() {
        return name() + suffix();
    }

    private String suffix() {
        return (tag == null ? "" : ":" + tag) + (digest == null ? "" : "@" + digest);
    }
}
