package dev.kiln.core.platform;

import java.util.List;

/**
 * Matches any architecture of the same OS (and a compatible Windows version), when the candidate's OS
 * features are a subset of the reference's; ranks the reference's own architecture first (containerd's
 * {@code OnlyOS}).
 */
record OnlyOSMatcher(Platform platform, OrderedMatcher architectureOrder) implements PlatformMatcher {

    static OnlyOSMatcher of(Platform reference) {
        Platform normalized = reference.normalize();
        return new OnlyOSMatcher(normalized, OrderedMatcher.of(List.of(normalized)));
    }

    @Override
    public boolean matches(Platform candidate) {
        Platform n = candidate.normalize();
        return platform.os().equals(n.os())
                && (!platform.os().equals("windows") || WindowsVersion.parse(platform.osVersion()).runs(candidate.osVersion()))
                && ExactMatcher.isSubset(n.osFeatures(), platform.osFeatures());
    }

    @Override
    public boolean less(Platform a, Platform b) {
        boolean am = matches(a);
        if (am && !matches(b)) {
            return true;
        }
        return am && architectureOrder.less(a, b);
    }
}
