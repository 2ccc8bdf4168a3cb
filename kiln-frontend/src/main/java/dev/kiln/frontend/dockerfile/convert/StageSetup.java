package dev.kiln.frontend.dockerfile.convert;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.core.SourceLocation;
import dev.kiln.core.platform.Platform;
import dev.kiln.frontend.dockerfile.instructions.AddInstruction;
import dev.kiln.frontend.dockerfile.instructions.CopyInstruction;
import dev.kiln.frontend.dockerfile.instructions.DockerfileStructure;
import dev.kiln.frontend.dockerfile.instructions.Instruction;
import dev.kiln.frontend.dockerfile.instructions.RunInstruction;
import dev.kiln.frontend.dockerfile.instructions.Stage;
import dev.kiln.frontend.dockerfile.instructions.Suggest;
import dev.kiln.frontend.dockerfile.instructions.WorkdirInstruction;
import dev.kiln.frontend.dockerfile.lint.LintRule;
import dev.kiln.frontend.dockerfile.lint.Linter;
import dev.kiln.frontend.dockerfile.parser.GoQuote;
import dev.kiln.frontend.dockerfile.shell.ProcessResult;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sets up the global ARG scope and one {@link StageState} per FROM: base names and {@code --platform}
 * expanded with the global ARGs (with the checks that go with them), step counts, cache settings.
 */
final class StageSetup {
    private final Conversion cx;

    StageSetup(Conversion cx) {
        this.cx = cx;
    }

    /** Returns the target stage. */
    StageState setUp(DockerfileStructure file) {
        List<Stage> stages = file.stages();
        String targetName = cx.req.target().isEmpty() ? stages.getLast().name() : cx.req.target();
        EnvList automatic = GlobalArgs.automatic(cx.buildPlatform, cx.targetPlatform, cx.req.buildArgs(), targetName);
        checkDefaultBaseNames(file, automatic);
        cx.globalArgs = GlobalArgs.resolve(automatic, cx.lex, file.metaArgs(), cx.req.buildArgs());
        cx.epochSeconds = SourceDateEpoch.of(cx.req.buildArgs(), cx.globalArgs.env());
        for (int i = 0; i < stages.size(); i++) {
            Stage stage = stages.get(i);
            StageState s = Located.at(stage.location(), () -> newState(stage));
            s.displayName = stage.name().isEmpty() ? "stage-" + i : stage.name();
            cx.table.add(s);
            s.cmdTotal = countedSteps(stage, s);
        }
        return target();
    }

    private StageState newState(Stage stage) {
        Linter lint = cx.lint.withComments(stage.from().info().comments());
        EnvList global = cx.globalArgs.env();
        ProcessResult name = cx.lex.processWordWithMatches(stage.baseName(), global);
        reportUndeclared(name.unmatched(), stage.location(), lint);
        if (name.result().isEmpty()) {
            throw invalid("base name (" + stage.baseName() + ") should not be blank");
        }
        StageState s = StageState.ofStage(stage, name.result());
        if (!stage.platform().isEmpty()) {
            s.platform = platform(stage, lint);
        }
        s.ignoreCache = cx.req.noCache()
                || cx.req.noCacheFilter().stream().anyMatch(n -> n.equalsIgnoreCase(stage.name()));
        return s;
    }

    private Platform platform(Stage stage, Linter lint) {
        String expression = stage.platform();
        EnvList global = cx.globalArgs.env();
        ProcessResult p;
        try {
            p = cx.lex.processWordWithMatches(expression, global);
        } catch (KilnException e) {
            throw new KilnException(e.kind(), "failed to process arguments for platform " + expression + ": "
                    + e.getMessage());
        }
        reportUndeclared(p.unmatched(), stage.location(), lint);
        if (p.matched().size() == 1 && p.unmatched().isEmpty() && p.matched().contains("TARGETPLATFORM")
                && p.result().equals(global.get("TARGETPLATFORM").orElse(""))) {
            lint.report(LintRule.REDUNDANT_TARGET_PLATFORM, stage.location(), expression);
        }
        if (p.matched().isEmpty() && p.unmatched().isEmpty()) {
            constantPlatform(stage, p.result(), lint);
        }
        if (p.result().isEmpty()) {
            throw invalid(withSuggestion("empty platform value from expression " + expression, p.unmatched()));
        }
        try {
            return Platform.parse(p.result()).normalize();
        } catch (KilnException e) {
            throw new KilnException(e.kind(), "failed to parse platform " + expression + ": "
                    + withSuggestion(e.getMessage(), p.unmatched()));
        }
    }

    private void constantPlatform(Stage stage, String value, Linter lint) {
        Platform p;
        try {
            p = Platform.parse(value);
        } catch (KilnException e) {
            return;
        }
        if (!stage.name().contains(p.os()) && !stage.name().contains(p.architecture())) {
            lint.report(LintRule.FROM_PLATFORM_FLAG_CONST_DISALLOWED, stage.location(), value);
        }
    }

    /** UndefinedArgInFrom: variables in FROM that no global ARG declares. */
    private void reportUndeclared(Set<String> unmatched, SourceLocation where, Linter lint) {
        Set<String> known = cx.globalArgs.knownNames();
        List<String> options = known.stream().sorted().toList();
        for (String arg : unmatched) {
            if (!known.contains(arg)) {
                lint.report(LintRule.UNDEFINED_ARG_IN_FROM, where, arg,
                        Suggest.closest(arg, options, true).orElse(""));
            }
        }
    }

    /** The first unmatched variable close to a global argument adds a "did you mean" hint. */
    private String withSuggestion(String message, Set<String> unmatched) {
        List<String> options = cx.globalArgs.env().keys();
        for (String arg : unmatched) {
            var match = Suggest.closest(arg, options, true);
            if (match.isPresent()) {
                return message + " (did you mean " + match.get() + "?)";
            }
        }
        return message;
    }

    /** InvalidDefaultArgInFrom: base names that only build arguments make valid. */
    private void checkDefaultBaseNames(DockerfileStructure file, EnvList automatic) {
        EnvList defaults;
        try {
            defaults = GlobalArgs.resolve(automatic, cx.lex, file.metaArgs(), Map.of()).env();
        } catch (KilnException e) {
            return;
        }
        for (Stage s : file.stages()) {
            String name;
            try {
                name = cx.lex.processWord(s.baseName(), defaults);
            } catch (KilnException e) {
                return;
            }
            if (!ImageRef.isValid(name)) {
                cx.lint.report(LintRule.INVALID_DEFAULT_ARG_IN_FROM, s.location(), s.baseName());
            }
        }
    }

    /** Steps that get a progress name: pulling a base image (not a stage), ADD, COPY, RUN, WORKDIR. */
    private int countedSteps(Stage stage, StageState s) {
        int total = !s.isScratchBase() && s.base == null ? 1 : 0;
        for (Instruction i : stage.commands()) {
            if (i instanceof AddInstruction || i instanceof CopyInstruction || i instanceof RunInstruction
                    || i instanceof WorkdirInstruction) {
                total++;
            }
        }
        return total;
    }

    private StageState target() {
        if (cx.req.target().isEmpty()) {
            return cx.table.last();
        }
        StageState t = cx.table.byName(cx.req.target());
        if (t == null) {
            String message = "target stage " + GoQuote.quote(cx.req.target()) + " could not be found";
            throw new KilnException(ErrorKind.NOT_FOUND, Suggest.closest(cx.req.target(), cx.table.names(), true)
                    .map(m -> message + " (did you mean " + m + "?)").orElse(message));
        }
        return t;
    }

    private static KilnException invalid(String message) {
        return new KilnException(ErrorKind.INVALID_ARGUMENT, message);
    }
}
