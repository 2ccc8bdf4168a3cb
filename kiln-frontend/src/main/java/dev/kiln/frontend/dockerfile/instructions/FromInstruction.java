package dev.kiln.frontend.dockerfile.instructions;

/**
 * {@code FROM [--platform=...] base [AS name]}: starts a build stage.
 *
 * @param baseName  the base image or stage reference, unexpanded
 * @param stageName the lower-cased stage name, or empty when the stage has none
 * @param platform  the unexpanded {@code --platform} value, or empty
 * @param comment   the stage description from a {@code # <name> <description>} comment, or empty
 */
public record FromInstruction(InstructionInfo info, String baseName, String stageName, String platform,
                              String comment) implements Instruction {
}
