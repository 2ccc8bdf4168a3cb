package dev.kiln.core.pattern;

/** Whether a path is matched (excluded), plus the context to pass when matching its children. */
public record MatchResult(boolean matched, MatchInfo info) {
}
