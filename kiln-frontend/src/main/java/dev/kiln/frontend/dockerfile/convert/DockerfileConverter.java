package dev.kiln.frontend.dockerfile.convert;

import dev.kiln.core.KilnException;

import java.util.Optional;

/**
 * Converts a Dockerfile into a build graph and an image config, with the semantics of BuildKit's
 * Dockerfile frontend ({@code dockerfile2llb}). Errors are {@link KilnException}s located at the
 * offending Dockerfile lines, with BuildKit's messages.
 */
public final class DockerfileConverter {
    private DockerfileConverter() {
    }

    /** Converts for a build of the requested target (only the stages it needs are converted). */
    public static ConvertResult convert(ConvertRequest request) {
        return new Conversion(request).run();
    }

    /**
     * Runs the conversion for its build checks only ({@code --check}): every stage is checked unless a
     * target is given, and an error (including a check configured with {@code error=true}) is returned with
     * the findings made before it rather than thrown.
     */
    public static CheckResult check(ConvertRequest request) {
        ConvertRequest all = request.target().isEmpty() ? withAllStages(request) : request;
        Conversion conversion = new Conversion(all);
        try {
            conversion.run();
            return new CheckResult(conversion.warnings(), Optional.empty());
        } catch (KilnException e) {
            return new CheckResult(conversion.warnings(), Optional.of(e));
        }
    }

    private static ConvertRequest withAllStages(ConvertRequest r) {
        return new ConvertRequest(r.dockerfile(), r.fileName(), r.buildArgs(), r.target(), r.labels(),
                r.targetPlatform(), r.buildPlatform(), r.noCache(), r.noCacheFilter(), r.contextName(),
                r.excludePatterns(), r.extraHosts(), r.network(), r.resolver(), true);
    }
}
