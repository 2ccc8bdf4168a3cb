package dev.kiln.core.pattern;

/**
 * Per-pattern results for a directory, handed back when matching its children so that patterns which matched
 * a parent need not be re-evaluated (upstream's {@code MatchInfo}). {@link #NONE} means "no parent context".
 */
public final class MatchInfo {
    public static final MatchInfo NONE = new MatchInfo(new boolean[0]);

    private final boolean[] parentMatched;

    MatchInfo(boolean[] parentMatched) {
        this.parentMatched = parentMatched;
    }

    boolean isEmpty() {
        return parentMatched.length == 0;
    }

    int size() {
        return parentMatched.length;
    }

    boolean matched(int pattern) {
        return parentMatched[pattern];
    }
}
