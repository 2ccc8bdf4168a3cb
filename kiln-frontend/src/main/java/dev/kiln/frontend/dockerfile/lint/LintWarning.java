package dev.kiln.frontend.dockerfile.lint;

import dev.kiln.core.SourceLocation;

/** One build-check finding: the rule, its description and link, the message and the Dockerfile lines. */
public record LintWarning(String rule, String description, String url, String detail, SourceLocation location) {

    /** BuildKit's one-line form: {@code Rule: detail (line N)}, the line part left out when unknown. */
    public String shortText() {
        int line = location == null ? 0 : location.startLine();
        return rule + ": " + detail + (line > 0 ? " (line " + line + ")" : "");
    }
}
