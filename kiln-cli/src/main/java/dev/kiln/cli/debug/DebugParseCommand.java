package dev.kiln.cli.debug;

import dev.kiln.cli.args.LeafCommand;
import dev.kiln.cli.args.Options;
import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.frontend.dockerfile.parser.AstDump;
import dev.kiln.frontend.dockerfile.parser.DockerfileParser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code kiln debug parse --ast FILE}: the Dockerfile's AST in BuildKit's dump format. */
final class DebugParseCommand {
    private Path file;

    /** {@code --ast} is required, as the AST is the only thing this command prints (for now). */
    LeafCommand spec() {
        Options o = new Options();
        o.option("--ast").required().flag("Print the AST (BuildKit's parser test format).", v -> { });
        o.parameter("FILE", "The Dockerfile.", v -> file = Path.of(v));
        return o.command("Print the AST of a Dockerfile.", this::call);
    }

    private int call() {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new KilnException(ErrorKind.NOT_FOUND, "failed to read " + file + ": " + e.getMessage(), e);
        }
        String dump = AstDump.dump(DockerfileParser.parse(content, file.toString()).root());
        System.out.print(dump + "\n");
        System.out.flush();
        return 0;
    }
}
