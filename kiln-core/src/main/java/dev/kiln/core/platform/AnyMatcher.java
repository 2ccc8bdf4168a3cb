package dev.kiln.core.platform;

import java.util.List;

/** Matches any of its platforms with no preference between them (containerd's {@code Any}). */
record AnyMatcher(List<ExactMatcher> matchers) implements PlatformMatcher {
    AnyMatcher {
        matchers = List.copyOf(matchers);
    }

    static AnyMatcher of(List<Platform> platforms) {
        return new AnyMatcher(platforms.stream().map(ExactMatcher::of).toList());
    }

    @Override
    public boolean matches(Platform candidate) {
        return matchers.stream().anyMatch(m -> m.matches(candidate));
    }

    /** Matching candidates first; between two matching ones, more OS features first. */
    @Override
    public boolean less(Platform a, Platform b) {
        boolean am = matches(a);
        boolean bm = matches(b);
        if (am && bm) {
            return a.osFeatures().size() > b.osFeatures().size();
        }
        if (!am && !bm && (!a.osFeatures().isEmpty() || !b.osFeatures().isEmpty())) {
            return less(OrderedMatcher.withoutFeatures(a), OrderedMatcher.withoutFeatures(b));
        }
        return am && !bm;
    }
}
