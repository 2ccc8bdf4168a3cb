package dev.kiln.frontend.dockerfile.instructions;

import java.util.List;
import java.util.Optional;

/**
 * {@code ADD [--chown] [--chmod] [--link] [--exclude]... [--keep-git-dir] [--checksum] [--unpack] src... dest}.
 *
 * @param keepGitDir present only when the flag was given
 * @param checksum   the {@code --checksum} value, or empty
 * @param unpack     present only when the flag was given (otherwise local archives unpack, URLs do not)
 */
public record AddInstruction(InstructionInfo info, SourcesAndDest files, String chown, String chmod, boolean link,
                             List<String> excludes, Optional<Boolean> keepGitDir, String checksum,
                             Optional<Boolean> unpack) implements Instruction {
    public AddInstruction {
        excludes = List.copyOf(excludes);
    }
}
