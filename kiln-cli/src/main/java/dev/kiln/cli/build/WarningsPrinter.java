package dev.kiln.cli.build;

import dev.kiln.frontend.dockerfile.lint.LintWarning;

import java.io.PrintStream;
import java.util.List;

/** buildx's closing list of build-check warnings. */
final class WarningsPrinter {
    private final PrintStream err;

    WarningsPrinter(PrintStream err) {
        this.err = err;
    }

    void print(List<LintWarning> warnings) {
        if (warnings.isEmpty()) {
            return;
        }
        err.println();
        err.println(" " + warnings.size() + (warnings.size() == 1 ? " warning" : " warnings")
                + " found (use kiln build --check for details):");
        for (LintWarning w : warnings) {
            err.println(" - " + w.shortText());
        }
    }
}
