package dev.kiln.frontend.dockerfile.parser;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;

import java.util.Optional;

/**
 * Parses Dockerfile bytes into BuildKit's AST (frontend {@code dockerfile/1.x}, parser semantics of BuildKit
 * {@code frontend/dockerfile/parser}). Errors are {@link KilnException}s of kind INVALID_ARGUMENT that carry
 * the file name and line range.
 */
public final class DockerfileParser {
    private DockerfileParser() {
    }

    /**
     * Parses a whole Dockerfile. A {@code # syntax=} directive must name the built-in frontend
     * ({@code docker/dockerfile} or {@code docker/dockerfile-upstream}, any tag or digest): Kiln does not run
     * external frontend images.
     */
    public static ParseResult parse(byte[] content, String fileName) {
        Optional<Directive> syntax = Directives.detectSyntax(content, fileName);
        syntax.ifPresent(DockerfileParser::requireBuiltinFrontend);
        Optional<Directive> check = Directives.parseDirective("check", content, fileName);
        ParseSession session = new ParseSession(content, fileName);
        Node root = session.run();
        return new ParseResult(root, session.warnings(), session.escapeChar(), syntax, check);
    }

    private static void requireBuiltinFrontend(Directive syntax) {
        if (!Directives.isBuiltinFrontend(syntax.ref())) {
            throw new KilnException(ErrorKind.INVALID_ARGUMENT, "external frontends are not supported: # syntax="
                    + syntax.ref() + " selects a frontend image, but Kiln only has its built-in Dockerfile frontend"
                    + " (docker/dockerfile); remove the directive or point it at docker/dockerfile",
                    syntax.location(), null);
        }
    }
}
