package dev.kiln.cli.check;

import dev.kiln.cli.BuildOptions;
import dev.kiln.core.KilnException;
import dev.kiln.core.json.Json;
import dev.kiln.core.platform.Platform;
import dev.kiln.frontend.dockerfile.convert.CheckResult;
import dev.kiln.frontend.dockerfile.convert.ConvertRequest;
import dev.kiln.frontend.dockerfile.convert.DockerfileConverter;
import dev.kiln.frontend.dockerfile.convert.ImageMetadataResolver;
import dev.kiln.frontend.dockerfile.lint.LintWarning;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@code kiln build --check}: evaluates the build checks without building, and prints the findings like
 * {@code docker buildx build --check}, as text or ({@code --format json}) as BuildKit's lint result.
 */
public final class BuildChecks {
    private BuildChecks() {
    }

    /**
     * Runs the checks for the first target platform (every stage unless {@code --target} is given).
     *
     * @param format   {@code text} (or null) or {@code json}
     * @param resolver looks up base images, whose config some checks need
     * @return the exit code: 0 when there is nothing to report, 1 when there are warnings or an error (as
     *         buildx, whose lint result status is 1 then)
     */
    public static int runChecks(BuildOptions opts, String format, PrintStream out, ImageMetadataResolver resolver) {
        List<Platform> platforms = opts.targetPlatforms();
        Platform target = platforms.isEmpty() ? null : platforms.getFirst();
        ConvertRequest request = opts.convertRequest(opts.contextDir(), target, resolver, System.in, System.getenv());
        CheckResult result = DockerfileConverter.check(request);
        List<LintWarning> warnings = new ArrayList<>(result.warnings());
        warnings.sort(Comparator.comparingInt(w -> w.location() == null ? 0 : w.location().startLine()));
        if ("json".equals(format)) {
            out.println(Json.pretty(json(request, warnings, result.error())));
        } else {
            text(out, request, warnings, result.error());
        }
        out.flush();
        return warnings.isEmpty() && result.error().isEmpty() ? 0 : 1;
    }

    private static void text(PrintStream out, ConvertRequest request, List<LintWarning> warnings,
                             Optional<KilnException> error) {
        String[] lines = new String(request.dockerfile(), StandardCharsets.UTF_8).split("\n", -1);
        if (!warnings.isEmpty()) {
            out.print("Check complete, " + (warnings.size() == 1 ? "1 warning has been found!"
                    : warnings.size() + " warnings have been found!") + "\n");
        }
        for (LintWarning w : warnings) {
            out.print("\nWARNING: " + w.rule() + (w.url() == null ? "" : " - " + w.url()) + "\n" + w.detail() + "\n");
            if (w.location() != null) {
                SourceExcerpt.print(out, request.fileName(), lines, w.location());
            }
        }
        if (error.isPresent()) {
            if (!warnings.isEmpty()) {
                out.print("\n");
            }
            out.print("ERROR: " + error.get().getMessage() + "\n");
            error.get().location().ifPresent(l -> SourceExcerpt.print(out, request.fileName(), lines, l));
        } else if (warnings.isEmpty()) {
            out.print("Check complete, no warnings found.\n");
        }
    }

    private static LintJson json(ConvertRequest request, List<LintWarning> warnings, Optional<KilnException> error) {
        List<LintJson.Warning> items = warnings.stream().map(w -> new LintJson.Warning(w.rule(), w.description(),
                w.url(), w.detail(), LintJson.Location.of(w.location()))).toList();
        LintJson.BuildError buildError = error.map(e -> new LintJson.BuildError(e.getMessage(),
                LintJson.Location.of(e.location().orElse(null)))).orElse(null);
        return new LintJson(items, List.of(new LintJson.Source(request.fileName(), "Dockerfile", request.dockerfile())),
                buildError);
    }
}
