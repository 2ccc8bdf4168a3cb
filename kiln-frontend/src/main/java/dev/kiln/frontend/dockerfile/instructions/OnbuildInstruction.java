package dev.kiln.frontend.dockerfile.instructions;

/**
 * {@code ONBUILD instruction}: stored as text and parsed when a child image builds FROM this one.
 *
 * @param expression the trigger instruction as written, followed by its heredocs ({@code \n body delimiter})
 */
public record OnbuildInstruction(InstructionInfo info, String expression) implements Instruction {
}
