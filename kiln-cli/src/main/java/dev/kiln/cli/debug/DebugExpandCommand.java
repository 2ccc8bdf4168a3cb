package dev.kiln.cli.debug;

import dev.kiln.core.KilnException;
import dev.kiln.frontend.dockerfile.shell.EnvLookup;
import dev.kiln.frontend.dockerfile.shell.ShellLex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code kiln debug expand}: expands each line of stdin as a Dockerfile word and prints one line per input:
 * the expanded word, the words joined by {@code ,} with {@code --words}, or {@code error}.
 */
@Command(name = "expand", mixinStandardHelpOptions = true,
        description = "Expand Dockerfile words read from stdin, one per line (escape character \\).")
final class DebugExpandCommand implements Callable<Integer> {

    @Option(names = "--env", paramLabel = "K=V", description = "Define a variable (repeatable).")
    List<String> env = new ArrayList<>();

    @Option(names = "--words", description = "Split into words and print them joined by ','.")
    boolean words;

    @Override
    public Integer call() throws IOException {
        ShellLex lex = new ShellLex('\\');
        EnvLookup vars = EnvLookup.fromList(env);
        PrintStream out = System.out;
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
            out.println(expand(lex, vars, line));
        }
        out.flush();
        return 0;
    }

    private String expand(ShellLex lex, EnvLookup vars, String line) {
        try {
            return words ? String.join(",", lex.processWords(line, vars)) : lex.processWord(line, vars);
        } catch (KilnException e) {
            return "error";
        }
    }
}
