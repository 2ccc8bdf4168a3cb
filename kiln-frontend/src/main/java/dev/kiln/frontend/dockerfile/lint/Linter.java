package dev.kiln.frontend.dockerfile.lint;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.core.SourceLocation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs build checks and collects their warnings in the order they were found. A linter made by
 * {@link #withComments} applies one instruction's {@code # check=} comment and shares the findings.
 */
public final class Linter {
    private final LintConfig config;
    private final Findings findings;

    public Linter(LintConfig config) {
        this(config, new Findings());
    }

    private Linter(LintConfig config, Findings findings) {
        this.config = config;
        this.findings = findings;
    }

    /** The linter for an instruction preceded by these comment lines. */
    public Linter withComments(List<String> comments) {
        return comments.isEmpty() ? this : new Linter(config.mergedWithComments(comments), findings);
    }

    /** Reports a finding of {@code rule} with the rule's message filled from {@code args}. */
    public void report(LintRule rule, SourceLocation location, String... args) {
        if (!config.enabled(rule)) {
            return;
        }
        findings.rules.add(rule.ruleName());
        findings.warnings.add(new LintWarning(rule.ruleName(), rule.description(), rule.url(),
                rule.message(args), location));
    }

    public List<LintWarning> warnings() {
        return List.copyOf(findings.warnings);
    }

    /** Whether the configuration turns the findings so far into a build error ({@code error=true}). */
    public boolean failed() {
        return config.returnAsError() && !findings.rules.isEmpty();
    }

    /** Throws BuildKit's {@code lint violation found for rules: ...} error when {@link #failed()}. */
    public void throwIfFailed() {
        if (failed()) {
            throw new KilnException(ErrorKind.FAILED_PRECONDITION,
                    "lint violation found for rules: " + String.join(", ", findings.rules));
        }
    }

    private static final class Findings {
        private final List<LintWarning> warnings = new ArrayList<>();
        private final Set<String> rules = new LinkedHashSet<>();
    }
}
