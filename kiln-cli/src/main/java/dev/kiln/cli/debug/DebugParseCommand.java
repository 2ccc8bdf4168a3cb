package dev.kiln.cli.debug;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.frontend.dockerfile.parser.AstDump;
import dev.kiln.frontend.dockerfile.parser.DockerfileParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code kiln debug parse --ast FILE}: the Dockerfile's AST in BuildKit's dump format. */
@Command(name = "parse", mixinStandardHelpOptions = true, description = "Print the AST of a Dockerfile.")
final class DebugParseCommand implements Callable<Integer> {

    @Option(names = "--ast", required = true, description = "Print the AST (BuildKit's parser test format).")
    boolean ast;

    @Parameters(index = "0", paramLabel = "FILE", description = "The Dockerfile.")
    Path file;

    @Override
    public Integer call() {
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
