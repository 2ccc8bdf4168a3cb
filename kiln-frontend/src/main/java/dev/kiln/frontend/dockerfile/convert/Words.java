package dev.kiln.frontend.dockerfile.convert;

import dev.kiln.frontend.dockerfile.instructions.Suggest;
import dev.kiln.frontend.dockerfile.instructions.WordExpander;
import dev.kiln.frontend.dockerfile.lint.LintRule;
import dev.kiln.frontend.dockerfile.lint.Linter;
import dev.kiln.frontend.dockerfile.shell.ProcessResult;
import dev.kiln.frontend.dockerfile.shell.ShellLex;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Variable expansion of one instruction's words in its stage's scope (environment and ARGs), reporting the
 * UndefinedVar check for variables that neither defines.
 */
final class Words {
    private static final Set<String> NON_ENV_ARGS = Set.of("BUILDKIT_SBOM_SCAN_CONTEXT", "BUILDKIT_SBOM_SCAN_STAGE");
    private static final ShellLex RAW = new ShellLex('\\').withSkipProcessQuotes(true);

    private final ShellLex lex;
    private final StageState stage;
    private final Command command;
    private final Linter lint;

    Words(ShellLex lex, StageState stage, Command command, Linter lint) {
        this.lex = lex;
        this.stage = stage;
        this.command = command;
        this.lint = lint;
    }

    String expand(String word) {
        return expandWith(lex, word);
    }

    List<String> expandAll(List<String> words) {
        return words.stream().map(this::expand).toList();
    }

    /** Each word expanded and split into fields (EXPOSE, which BuildKit does not check for undefined names). */
    List<String> expandSplit(List<String> words) {
        return words.stream().flatMap(w -> lex.processWords(w, stage.state.env()).stream()).toList();
    }

    /** A heredoc body: variables expanded, quotes left alone. */
    String expandRaw(String text) {
        return expandWith(RAW, text);
    }

    WordExpander expander() {
        return this::expand;
    }

    private String expandWith(ShellLex l, String word) {
        return check(l.processWordWithMatches(word, stage.state.env())).result();
    }

    private ProcessResult check(ProcessResult r) {
        reportUndefined(r.unmatched());
        return r;
    }

    /** UndefinedVar, skipping names declared by an ARG in scope. */
    private void reportUndefined(Set<String> unmatched) {
        if (unmatched.isEmpty()) {
            return;
        }
        Set<String> names = new LinkedHashSet<>(unmatched);
        stage.buildArgs.forEach(a -> names.remove(a.key()));
        List<String> options = stage.state.env().keys();
        for (String name : names) {
            if (!NON_ENV_ARGS.contains(name)) {
                lint.report(LintRule.UNDEFINED_VAR, command.location(), name,
                        Suggest.closest(name, options, true).orElse(""));
            }
        }
    }
}
