package dev.kiln.frontend.dockerfile.instructions;

/**
 * Expands variables in one word (supplied by the converter, which owns the build-arg/env scope). Throws
 * {@link dev.kiln.core.KilnException} when the word cannot be expanded.
 */
@FunctionalInterface
public interface WordExpander {
    /** Leaves words untouched: for callers that want the literal values. */
    WordExpander LITERAL = word -> word;

    String expand(String word);
}
