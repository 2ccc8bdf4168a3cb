package dev.kiln.exporter.image;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;

import java.util.regex.Pattern;

/**
 * An image reference in its normalized form ({@code docker.io/library/busybox:latest}), parsed with the grammar of
 * Docker's distribution reference package. {@code tag} and {@code digest} are null when absent.
 */
public record ImageName(String domain, String path, String tag, String digest) {
    private static final String DEFAULT_DOMAIN = "docker.io";
    private static final String COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
    private static final Pattern PATH = Pattern.compile(COMPONENT + "(?:/" + COMPONENT + ")*");
    private static final Pattern DOMAIN = Pattern.compile(
            "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*"
                    + "(?::[0-9]+)?|\\[[a-fA-F0-9:]+](?::[0-9]+)?");
    private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
    private static final Pattern DIGEST = Pattern.compile("[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}");
    private static final Pattern HEX_ID = Pattern.compile("[a-f0-9]{64}");

    /** Parses and normalizes {@code name} like {@code docker tag} does; a missing tag and digest become {@code :latest}. */
    public static ImageName parse(String name) {
        String rest = name;
        String digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
            if (!DIGEST.matcher(digest).matches()) {
                throw invalid(name, "invalid digest");
            }
        }
        String tag = null;
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
            if (!TAG.matcher(tag).matches()) {
                throw invalid(name, "invalid tag");
            }
        }
        if (HEX_ID.matcher(rest).matches()) {
            throw invalid(name, "cannot specify 64-byte hexadecimal strings");
        }
        ImageName parsed = split(name, rest, tag, digest);
        return tag == null && digest == null ? new ImageName(parsed.domain, parsed.path, "latest", null) : parsed;
    }

    private static ImageName split(String name, String repository, String tag, String digest) {
        String domain = DEFAULT_DOMAIN;
        String path = repository;
        int slash = repository.indexOf('/');
        if (slash > 0) {
            String first = repository.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost") || !first.equals(first.toLowerCase())) {
                domain = first.equals("index.docker.io") ? DEFAULT_DOMAIN : first;
                path = repository.substring(slash + 1);
            }
        }
        if (!DOMAIN.matcher(domain).matches()) {
            throw invalid(name, "invalid domain");
        }
        if (!path.equals(path.toLowerCase())) {
            throw invalid(name, "repository name must be lowercase");
        }
        if (!PATH.matcher(path).matches()) {
            throw invalid(name, "invalid reference format");
        }
        if (domain.equals(DEFAULT_DOMAIN) && !path.contains("/")) {
            path = "library/" + path;
        }
        return new ImageName(domain, path, tag, digest);
    }

    /** The short form Docker shows and {@code docker save} writes in RepoTags ({@code busybox:latest}). */
    public String familiar() {
        String repository = domain + "/" + path;
        if (domain.equals(DEFAULT_DOMAIN)) {
            repository = path.startsWith("library/") && path.indexOf('/', 8) < 0 ? path.substring(8) : path;
        }
        return repository + suffix();
    }

    /** What OCI layouts put in {@code org.opencontainers.image.ref.name}: the part after the repository. */
    public String ociReferenceName() {
        String s = suffix();
        return s.startsWith(":") ? s.substring(1) : s;
    }

    private String suffix() {
        return (tag == null ? "" : ":" + tag) + (digest == null ? "" : "@" + digest);
    }

    @Override
    public String toString() {
        return domain + "/" + path + suffix();
    }

    private static KilnException invalid(String name, String why) {
        return new KilnException(ErrorKind.INVALID_ARGUMENT, "invalid image name \"" + name + "\": " + why);
    }
}
