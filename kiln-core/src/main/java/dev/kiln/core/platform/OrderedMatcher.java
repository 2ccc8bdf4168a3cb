package dev.kiln.core.platform;

import java.util.List;

/**
 * Matches any of its platforms and ranks candidates by the first platform they match (containerd's
 * {@code Ordered}, which also backs {@code Only} and {@code OnlyStrict}). Among equals, more OS features
 * rank higher; candidates matching nothing are compared again without their features.
 */
record OrderedMatcher(List<ExactMatcher> matchers) implements PlatformMatcher {
    OrderedMatcher {
        matchers = List.copyOf(matchers);
    }

    static OrderedMatcher of(List<Platform> platforms) {
        return new OrderedMatcher(platforms.stream().map(ExactMatcher::of).toList());
    }

    @Override
    public boolean matches(Platform candidate) {
        return matchers.stream().anyMatch(m -> m.matches(candidate));
    }

    @Override
    public boolean less(Platform a, Platform b) {
        for (ExactMatcher m : matchers) {
            boolean am = m.matches(a);
            boolean bm = m.matches(b);
            if (am && !bm) {
                return true;
            }
            if (am || bm) {
                return am && a.osFeatures().size() > b.osFeatures().size();
            }
        }
        if (!a.osFeatures().isEmpty() || !b.osFeatures().isEmpty()) {
            return less(withoutFeatures(a), withoutFeatures(b));
        }
        return false;
    }

    static Platform withoutFeatures(Platform p) {
        return new Platform(p.os(), p.architecture(), p.variant(), p.osVersion(), List.of());
    }
}
