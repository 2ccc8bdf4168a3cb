package dev.kiln.frontend.dockerfile.shell;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The outcome of expanding a word: the whole expanded string, the same text split into words, and which
 * referenced variable names were defined ({@code matched}) or not ({@code unmatched}), in first-use order.
 */
public record ProcessResult(String result, List<String> words, Set<String> matched, Set<String> unmatched) {
    public ProcessResult {
        words = List.copyOf(words);
        matched = Collections.unmodifiableSet(new LinkedHashSet<>(matched));
        unmatched = Collections.unmodifiableSet(new LinkedHashSet<>(unmatched));
    }
}
