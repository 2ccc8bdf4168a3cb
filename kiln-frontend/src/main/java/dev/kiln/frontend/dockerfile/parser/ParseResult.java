package dev.kiln.frontend.dockerfile.parser;

import java.util.List;
import java.util.Optional;

/**
 * What {@link DockerfileParser#parse} produces.
 *
 * @param root       root node; its children are the instructions in file order
 * @param warnings   parser warnings in source order
 * @param escapeChar the escape / line-continuation character in effect ({@code \} or {@code `})
 * @param syntax     the {@code # syntax=} directive, if any (always a built-in frontend: others are rejected)
 * @param check      the {@code # check=} directive, if any
 */
public record ParseResult(Node root, List<ParseWarning> warnings, char escapeChar, Optional<Directive> syntax,
                          Optional<Directive> check) {
    public ParseResult {
        warnings = List.copyOf(warnings);
    }
}
