package dev.kiln.core.platform;

import java.util.List;

/**
 * containerd's {@code NewMatcher}: the same normalised OS, architecture and variant, a compatible Windows
 * version, and OS features that are a subset of the reference platform's.
 */
record ExactMatcher(Platform platform, WindowsVersion windowsVersion) {

    static ExactMatcher of(Platform reference) {
        // Upstream checks the OS as given, before normalisation, to decide on Windows version matching.
        WindowsVersion version = reference.os().equals("windows") ? WindowsVersion.parse(reference.osVersion()) : null;
        return new ExactMatcher(reference.normalize(), version);
    }

    boolean matches(Platform candidate) {
        Platform n = candidate.normalize();
        return platform.os().equals(n.os())
                && platform.architecture().equals(n.architecture())
                && platform.variant().equals(n.variant())
                && (windowsVersion == null || windowsVersion.runs(candidate.osVersion()))
                && isSubset(n.osFeatures(), platform.osFeatures());
    }

    /** Whether sorted {@code features} all occur in sorted {@code available}. */
    static boolean isSubset(List<String> features, List<String> available) {
        int j = 0;
        for (String feature : features) {
            while (j < available.size() && available.get(j).compareTo(feature) < 0) {
                j++;
            }
            if (j == available.size() || !available.get(j).equals(feature)) {
                return false;
            }
            j++;
        }
        return true;
    }
}
