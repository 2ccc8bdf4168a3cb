package dev.kiln.frontend.dockerfile.instructions;

import java.util.List;

/**
 * {@code COPY [--from] [--chown] [--chmod] [--link] [--parents] [--exclude]... src... dest}.
 *
 * @param from the {@code --from} stage, context or image, or empty for the build context
 */
public record CopyInstruction(InstructionInfo info, SourcesAndDest files, String from, String chown, String chmod,
                              boolean link, boolean parents, List<String> excludes) implements Instruction {
    public CopyInstruction {
        excludes = List.copyOf(excludes);
    }
}
