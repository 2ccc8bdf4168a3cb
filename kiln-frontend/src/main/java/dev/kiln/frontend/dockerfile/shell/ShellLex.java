package dev.kiln.frontend.dockerfile.shell;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;

import java.util.List;

/**
 * Shell-word expansion for Dockerfile instructions, with the semantics of BuildKit's {@code shell.Lex}: quote
 * removal, escapes, {@code $VAR} / {@code ${VAR…}} substitution and word splitting. Immutable and thread-safe.
 *
 * @param escapeToken       the Dockerfile escape character, {@code \} by default or {@code `}
 * @param rawQuotes         keep quote characters in the output (quoting still groups words)
 * @param rawEscapes        keep escape characters in the output
 * @param skipProcessQuotes treat quotes as ordinary characters
 * @param skipUnsetEnv      leave references to unset variables as written instead of expanding them to ""
 */
public record ShellLex(char escapeToken, boolean rawQuotes, boolean rawEscapes, boolean skipProcessQuotes,
                       boolean skipUnsetEnv) {

    public ShellLex(char escapeToken) {
        this(escapeToken, false, false, false, false);
    }

    public ShellLex withRawQuotes(boolean on) {
        return new ShellLex(escapeToken, on, rawEscapes, skipProcessQuotes, skipUnsetEnv);
    }

    public ShellLex withRawEscapes(boolean on) {
        return new ShellLex(escapeToken, rawQuotes, on, skipProcessQuotes, skipUnsetEnv);
    }

    public ShellLex withSkipProcessQuotes(boolean on) {
        return new ShellLex(escapeToken, rawQuotes, rawEscapes, on, skipUnsetEnv);
    }

    public ShellLex withSkipUnsetEnv(boolean on) {
        return new ShellLex(escapeToken, rawQuotes, rawEscapes, skipProcessQuotes, on);
    }

    /** Expands {@code word} as one word; whitespace between words is kept. */
    public String processWord(String word, EnvLookup env) {
        return processWordWithMatches(word, env).result();
    }

    /** Expands {@code word} and splits the result on unquoted whitespace (quoted or escaped spaces stay). */
    public List<String> processWords(String word, EnvLookup env) {
        return processWordWithMatches(word, env).words();
    }

    /**
     * Expands {@code word}, also reporting which referenced variables were defined and which were not.
     *
     * @throws KilnException INVALID_ARGUMENT, e.g. {@code failed to process "${X": syntax error: missing '}'}
     */
    public ProcessResult processWordWithMatches(String word, EnvLookup env) {
        try {
            return new Expander(this, word, env).run();
        } catch (KilnException e) {
            throw new KilnException(ErrorKind.INVALID_ARGUMENT,
                    "failed to process " + GoText.quote(word) + ": " + e.getMessage(), e);
        }
    }
}
