package dev.kiln.frontend.dockerfile.instructions;

import dev.kiln.core.KilnException;
import dev.kiln.frontend.dockerfile.parser.GoText;
import dev.kiln.frontend.dockerfile.parser.Node;

import java.util.List;

/**
 * Converts AST nodes into typed instructions with BuildKit's validation and error messages. Errors are
 * {@link KilnException}s of kind INVALID_ARGUMENT located at the instruction.
 */
public final class InstructionParser {
    private static final List<String> INSTRUCTIONS = List.of("ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV",
            "EXPOSE", "FROM", "HEALTHCHECK", "LABEL", "MAINTAINER", "ONBUILD", "RUN", "SHELL", "STOPSIGNAL", "USER",
            "VOLUME", "WORKDIR");

    private InstructionParser() {
    }

    /** The typed instruction for one instruction node (a child of the AST root). */
    public static Instruction parse(Node node) {
        try {
            return dispatch(node);
        } catch (KilnException e) {
            throw e.at(node.location());
        }
    }

    private static Instruction dispatch(Node node) {
        Request req = new Request(node);
        return switch (GoText.toLower(node.value())) {
            case "env" -> MetadataParsers.env(req);
            case "maintainer" -> MetadataParsers.maintainer(req);
            case "label" -> MetadataParsers.label(req);
            case "add" -> FileParsers.add(req);
            case "copy" -> FileParsers.copy(req);
            case "from" -> StageParsers.from(req);
            case "onbuild" -> StageParsers.onbuild(req);
            case "workdir" -> MetadataParsers.workdir(req);
            case "run" -> RunParser.run(req);
            case "cmd" -> CommandParsers.cmd(req);
            case "healthcheck" -> HealthcheckParser.healthcheck(req);
            case "entrypoint" -> CommandParsers.entrypoint(req);
            case "expose" -> MetadataParsers.expose(req);
            case "user" -> MetadataParsers.user(req);
            case "volume" -> MetadataParsers.volume(req);
            case "stopsignal" -> MetadataParsers.stopSignal(req);
            case "arg" -> StageParsers.arg(req);
            case "shell" -> CommandParsers.shell(req);
            default -> throw Errors.invalid(Suggest.withSuggestion("unknown instruction: " + node.value(),
                    node.value(), INSTRUCTIONS, false));
        };
    }
}
