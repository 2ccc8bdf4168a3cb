package dev.kiln.frontend.dockerfile.instructions;

import java.util.Optional;

/**
 * One name of an ARG instruction.
 *
 * @param defaultValue the unexpanded text after {@code =}, if any ({@code ARG a=} gives an empty default)
 * @param comment      the description from a {@code # <name> <description>} comment above the ARG, or empty
 */
public record ArgDefinition(String key, Optional<String> defaultValue, String comment) {
}
