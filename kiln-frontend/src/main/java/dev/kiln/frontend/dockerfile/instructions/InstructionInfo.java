package dev.kiln.frontend.dockerfile.instructions;

import dev.kiln.core.SourceLocation;
import dev.kiln.frontend.dockerfile.parser.GoText;

import java.util.List;

/**
 * What every instruction keeps from its source.
 *
 * @param keyword  the keyword as written ({@code Run}), for casing checks
 * @param text     the instruction text with continuation lines joined, trimmed (BuildKit's "code")
 * @param location file and line range
 * @param comments comment lines directly above the instruction
 */
public record InstructionInfo(String keyword, String text, SourceLocation location, List<String> comments) {
    public InstructionInfo {
        comments = List.copyOf(comments);
    }

    public String name() {
        return GoText.toLower(keyword);
    }
}
