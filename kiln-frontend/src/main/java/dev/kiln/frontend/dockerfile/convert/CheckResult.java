package dev.kiln.frontend.dockerfile.convert;

import dev.kiln.core.KilnException;
import dev.kiln.frontend.dockerfile.lint.LintWarning;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of running only the build checks ({@code kiln build --check}): every finding, for all stages
 * unless a target is given, and the error that stopped the conversion or that {@code error=true} turned the
 * findings into.
 */
public record CheckResult(List<LintWarning> warnings, Optional<KilnException> error) {
    public CheckResult {
        warnings = List.copyOf(warnings);
    }
}
