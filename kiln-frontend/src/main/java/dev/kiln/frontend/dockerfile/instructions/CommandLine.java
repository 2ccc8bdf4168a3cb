package dev.kiln.frontend.dockerfile.instructions;

import java.util.List;

/**
 * The command of RUN/CMD/ENTRYPOINT.
 *
 * @param args         exec form: the JSON elements; shell form: one string, the words joined by a space; empty
 *                     when the instruction had no arguments (for ENTRYPOINT BuildKit treats that as unset)
 * @param files        heredoc bodies (RUN only)
 * @param prependShell true for the shell form: run through the stage's SHELL
 */
public record CommandLine(List<String> args, List<InlineFile> files, boolean prependShell) {
    public CommandLine {
        args = List.copyOf(args);
        files = List.copyOf(files);
    }
}
