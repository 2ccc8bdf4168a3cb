package dev.kiln.frontend.dockerfile.instructions;

/**
 * One ENV or LABEL entry, unexpanded.
 *
 * @param noDelimiter true for the legacy {@code KEY value} form (no {@code =})
 */
public record KeyValuePair(String key, String value, boolean noDelimiter) {
}
