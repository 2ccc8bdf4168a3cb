package dev.kiln.cli.debug;

import dev.kiln.cli.BuildOptions;
import dev.kiln.cli.args.LeafCommand;
import dev.kiln.cli.args.Options;
import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.core.platform.Platform;
import dev.kiln.frontend.dockerfile.convert.ConvertRequest;
import dev.kiln.frontend.dockerfile.convert.ConvertResult;
import dev.kiln.frontend.dockerfile.convert.DockerfileConverter;
import dev.kiln.frontend.dockerfile.convert.OfflineImageResolver;
import dev.kiln.frontend.dockerfile.lint.LintWarning;

import java.util.List;

/**
 * {@code kiln debug llb [build options] CONTEXT}: the build graph a Dockerfile converts to, as JSON, without a
 * registry (base images keep their references and get empty configs). Check findings go to stderr.
 */
final class DebugLlbCommand {
    private final BuildOptions options = new BuildOptions();

    LeafCommand spec() {
        Options o = new Options();
        options.declare(o);
        return o.command("Print the build graph of a Dockerfile as JSON (base images are not resolved).", this::call);
    }

    private int call() {
        if (options.contextFromStdin()) {
            throw new KilnException(ErrorKind.INVALID_ARGUMENT,
                    "kiln debug llb needs a context directory; a context tar on stdin ('-') is not supported");
        }
        List<Platform> platforms = options.targetPlatforms();
        if (platforms.size() > 1) {
            throw new KilnException(ErrorKind.INVALID_ARGUMENT, "kiln debug llb shows one platform at a time");
        }
        Platform target = platforms.isEmpty() ? null : platforms.getFirst();
        ConvertRequest request = options.convertRequest(options.contextDir(), target, new OfflineImageResolver(),
                System.in, System.getenv());
        ConvertResult result = DockerfileConverter.convert(request);
        for (LintWarning w : result.warnings()) {
            System.err.println("WARN: " + w.shortText());
        }
        System.out.println(GraphJson.render(result.graph()));
        System.out.flush();
        return 0;
    }
}
