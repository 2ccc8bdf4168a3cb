package dev.kiln.core.platform;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Selects and ranks platforms, e.g. the manifests of a multi-platform image (containerd's MatchComparer).
 * Candidates are normalised before comparison, so {@code linux/aarch64} matches {@code linux/arm64}.
 */
public sealed interface PlatformMatcher permits OrderedMatcher, AnyMatcher, OnlyOSMatcher {

    boolean matches(Platform candidate);

    /** Whether {@code a} is preferred to {@code b}. */
    boolean less(Platform a, Platform b);

    /**
     * {@code platforms} ordered by {@link #less}, keeping the given order between equally preferred ones
     * (what Go's sort does for the short lists of an image index).
     */
    default List<Platform> sort(Collection<Platform> platforms) {
        List<Platform> out = new ArrayList<>(platforms);
        for (int i = 1; i < out.size(); i++) {
            for (int j = i; j > 0 && less(out.get(j), out.get(j - 1)); j--) {
                out.set(j, out.set(j - 1, out.get(j)));
            }
        }
        return out;
    }

    /**
     * The platform and everything it can run, preferred in that order: amd64 also runs 386 and lower amd64
     * levels, arm/vN lower arm variants down to v5, arm64 lower arm64 revisions and 32-bit arm.
     */
    static PlatformMatcher only(Platform platform) {
        return OrderedMatcher.of(PlatformVector.of(platform.normalize()));
    }

    /** Exactly the platform's architecture and variant (equivalent spellings count: arm = arm/v7). */
    static PlatformMatcher onlyStrict(Platform platform) {
        return OrderedMatcher.of(List.of(platform.normalize()));
    }

    /** Any architecture of the platform's OS whose OS features the platform has. */
    static PlatformMatcher onlyOS(Platform platform) {
        return OnlyOSMatcher.of(platform);
    }

    /** Any of the platforms, preferring earlier ones. */
    static PlatformMatcher ordered(List<Platform> platforms) {
        return OrderedMatcher.of(platforms);
    }

    /** Any of the platforms, without preference. */
    static PlatformMatcher any(List<Platform> platforms) {
        return AnyMatcher.of(platforms);
    }
}
