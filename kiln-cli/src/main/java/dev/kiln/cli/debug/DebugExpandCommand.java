package dev.kiln.cli.debug;

import dev.kiln.cli.args.LeafCommand;
import dev.kiln.cli.args.Options;
import dev.kiln.core.KilnException;
import dev.kiln.frontend.dockerfile.shell.EnvLookup;
import dev.kiln.frontend.dockerfile.shell.ShellLex;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code kiln debug expand}: expands each line of stdin as a Dockerfile word and prints one line per input:
 * the expanded word, the words joined by {@code ,} with {@code --words}, or {@code error}.
 */
final class DebugExpandCommand {
    private final List<String> env = new ArrayList<>();
    private boolean words;

    LeafCommand spec() {
        Options o = new Options();
        o.option("--env").values("K=V", "Define a variable (repeatable).", env::add);
        o.option("--words").flag("Split into words and print them joined by ','.", v -> words = v);
        return o.command("Expand Dockerfile words read from stdin, one per line (escape character \\).", this::call);
    }

    private int call() throws IOException {
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
