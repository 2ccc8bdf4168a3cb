package dev.kiln.frontend.dockerfile.convert;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.core.SourceLocation;
import dev.kiln.core.pattern.PatternMatcher;
import dev.kiln.core.platform.Platform;
import dev.kiln.frontend.dockerfile.instructions.DockerfileStructure;
import dev.kiln.frontend.dockerfile.lint.LintConfig;
import dev.kiln.frontend.dockerfile.lint.LintRule;
import dev.kiln.frontend.dockerfile.lint.LintWarning;
import dev.kiln.frontend.dockerfile.lint.Linter;
import dev.kiln.frontend.dockerfile.lint.SyntaxChecks;
import dev.kiln.frontend.dockerfile.parser.DockerfileParser;
import dev.kiln.frontend.dockerfile.parser.Node;
import dev.kiln.frontend.dockerfile.parser.ParseResult;
import dev.kiln.frontend.dockerfile.parser.ParseWarning;
import dev.kiln.frontend.dockerfile.shell.ShellLex;
import dev.kiln.graph.Graph;

import java.time.Instant;
import java.util.List;

/**
 * One conversion of a Dockerfile, in BuildKit's order: parse and type the instructions (with the checks
 * that go with it), set up the global ARGs and the stages, resolve stage dependencies and base images,
 * dispatch the stages the target needs, then finish the target's image config and write the graph.
 */
final class Conversion {
    private static final String CHECK_ARG = "BUILDKIT_DOCKERFILE_CHECK";

    final ConvertRequest req;
    Linter lint;
    final Platform buildPlatform;
    final Platform targetPlatform;
    final boolean implicitTarget;
    final boolean multiPlatform;
    final StageTable table = new StageTable();
    final ContextSource context;
    ShellLex lex;
    GlobalArgs globalArgs;
    Long epochSeconds;
    private PatternMatcher ignoreMatcher;

    Conversion(ConvertRequest req) {
        this.req = req;
        this.buildPlatform = req.buildPlatform().normalize();
        this.implicitTarget = req.targetPlatform() == null;
        this.targetPlatform = implicitTarget ? buildPlatform : req.targetPlatform().normalize();
        this.multiPlatform = Boolean.parseBoolean(req.buildArgs().getOrDefault("BUILDKIT_MULTI_PLATFORM", "false"));
        this.context = new ContextSource(req.contextName(), req.excludePatterns());
    }

    ConvertResult run() {
        DockerfileStructure structure = parse();
        StageState target = new StageSetup(this).setUp(structure);
        new Dependencies(this).link();
        new StageDispatcher(this).dispatchAll(new BaseImages(this).resolve(target));
        FinalImage image = new FinalImage(this, target);
        lint.throwIfFailed();
        Graph graph = new GraphWriter().write(target.state.output());
        return new ConvertResult(graph, image.config(), lint.warnings());
    }

    /** The findings so far (none before the Dockerfile parsed). */
    List<LintWarning> warnings() {
        return lint == null ? List.of() : lint.warnings();
    }

    /** The .dockerignore patterns as a matcher (for the CopyIgnoredFile check), null without patterns. */
    PatternMatcher ignoreMatcher() {
        if (ignoreMatcher == null && !req.excludePatterns().isEmpty()) {
            ignoreMatcher = PatternMatcher.compile(req.excludePatterns());
        }
        return ignoreMatcher;
    }

    /** {@code SOURCE_DATE_EPOCH} as an RFC 3339 time, or null. */
    String epochText() {
        return epochSeconds == null ? null : Instant.ofEpochSecond(epochSeconds).toString();
    }

    Long epochNanos() {
        return epochSeconds == null ? null : epochSeconds * 1_000_000_000L;
    }

    String buildArg(String name) {
        return req.buildArgs().getOrDefault(name, "");
    }

    private DockerfileStructure parse() {
        if (req.dockerfile().length == 0) {
            throw new KilnException(ErrorKind.INVALID_ARGUMENT, "the Dockerfile cannot be empty", wholeFile(), null);
        }
        ParseResult parsed = DockerfileParser.parse(req.dockerfile(), req.fileName());
        lint = new Linter(lintConfig(req, parsed));
        for (ParseWarning w : parsed.warnings()) {
            if (LintRule.NO_EMPTY_CONTINUATION.url().equals(w.url())) {
                lint.report(LintRule.NO_EMPTY_CONTINUATION, w.location());
            }
        }
        lex = new ShellLex(parsed.escapeChar());
        DockerfileStructure structure = typed(parsed.root());
        if (structure.stages().isEmpty()) {
            throw new KilnException(ErrorKind.INVALID_ARGUMENT, "dockerfile contains no stages to build", wholeFile(),
                    null);
        }
        SyntaxChecks.stageNames(structure.stages(), lint);
        SyntaxChecks.instructionCasing(parsed.root().children(), lint);
        return structure;
    }

    /** File-level errors point at the start of the Dockerfile. */
    private SourceLocation wholeFile() {
        return SourceLocation.line(req.fileName(), 1);
    }

    /** Types the instructions; the checks of the instructions before a typing error still report. */
    private DockerfileStructure typed(Node root) {
        try {
            DockerfileStructure structure = DockerfileStructure.of(root);
            root.children().forEach(n -> SyntaxChecks.instruction(n, lint, true));
            return structure;
        } catch (KilnException e) {
            if (e.location().isEmpty()) {
                throw e;
            }
            int failedLine = e.location().get().startLine();
            for (Node n : root.children()) {
                if (n.startLine() <= failedLine) {
                    SyntaxChecks.instruction(n, lint, n.startLine() < failedLine);
                }
            }
            if (e.getMessage().equals("no build stage in current context")) {
                throw e;
            }
            throw new KilnException(e.kind(), "dockerfile parse error on line " + failedLine + ": " + e.getMessage(),
                    e.location().get(), e);
        }
    }

    /** The {@code BUILDKIT_DOCKERFILE_CHECK} build argument replaces the {@code # check=} directive. */
    private static LintConfig lintConfig(ConvertRequest req, ParseResult parsed) {
        String fromArg = req.buildArgs().get(CHECK_ARG);
        if (fromArg != null) {
            return checkOptions(fromArg, "failed to parse build-arg:" + CHECK_ARG + ": ", null);
        }
        return parsed.check().map(d -> checkOptions(d.value(), "failed to parse check options: ", d.location()))
                .orElse(LintConfig.DEFAULT);
    }

    private static LintConfig checkOptions(String value, String context, SourceLocation where) {
        try {
            return LintConfig.parse(value);
        } catch (KilnException e) {
            throw new KilnException(e.kind(), context + e.getMessage(), where, e);
        }
    }
}
