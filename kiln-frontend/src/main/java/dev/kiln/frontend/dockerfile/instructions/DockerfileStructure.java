package dev.kiln.frontend.dockerfile.instructions;

import dev.kiln.frontend.dockerfile.parser.Node;

import java.util.ArrayList;
import java.util.List;

/**
 * A parsed Dockerfile grouped like BuildKit's {@code instructions.Parse}: the ARGs before the first FROM
 * (global scope), then the stages in order.
 */
public record DockerfileStructure(List<ArgInstruction> metaArgs, List<Stage> stages) {
    public DockerfileStructure {
        metaArgs = List.copyOf(metaArgs);
        stages = List.copyOf(stages);
    }

    /**
     * Types every instruction under {@code root}. The first error stops, as a
     * {@link dev.kiln.core.KilnException} located at its instruction.
     */
    public static DockerfileStructure of(Node root) {
        List<ArgInstruction> metaArgs = new ArrayList<>();
        List<Stage> stages = new ArrayList<>();
        FromInstruction from = null;
        List<Instruction> commands = new ArrayList<>();
        for (Node node : root.children()) {
            Instruction instruction = InstructionParser.parse(node);
            if (instruction instanceof FromInstruction next) {
                if (from != null) {
                    stages.add(new Stage(from, commands));
                }
                from = next;
                commands = new ArrayList<>();
            } else if (from != null) {
                commands.add(instruction);
            } else if (instruction instanceof ArgInstruction arg) {
                metaArgs.add(arg);
            } else {
                throw Errors.invalid("no build stage in current context").at(node.location());
            }
        }
        if (from != null) {
            stages.add(new Stage(from, commands));
        }
        return new DockerfileStructure(metaArgs, stages);
    }
}
