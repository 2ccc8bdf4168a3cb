package dev.kiln.frontend.dockerfile.convert;

import dev.kiln.frontend.dockerfile.lint.LintRule;
import dev.kiln.frontend.dockerfile.lint.Linter;
import dev.kiln.graph.FileAction;
import dev.kiln.graph.NodeMeta;

import java.util.List;

/** WORKDIR: the directory later steps run in, created (with parents, mode 0755) as BuildKit does. */
final class WorkdirStep {
    private final Conversion cx;

    WorkdirStep(Conversion cx) {
        this.cx = cx;
    }

    /** Sets the working directory; {@code command} is null when it comes from the base image's config. */
    void apply(StageState d, String path, Command command, Linter lint) {
        if (command != null) {
            if (!d.workdirSet && !GoPath.isAbs(path)) {
                lint.report(LintRule.WORKDIR_RELATIVE_PATH, command.location(), path);
            }
            d.workdirSet = true;
        }
        String wd = GoPath.normalize(d.image.workingDir == null ? "" : d.image.workingDir, path, false);
        d.image.workingDir = wd;
        d.state = d.state.withDir(wd);
        if (command == null) {
            return;
        }
        boolean withLayer = !wd.equals("/");
        if (withLayer) {
            String text = StepNames.instructionText(cx.lex, command.instruction().info().text(), d.state.env());
            NodeMeta meta = new NodeMeta(StepNames.next(d, text, cx.multiPlatform), command.location(),
                    d.ignoreCache);
            FileAction mkdir = new FileAction.Mkdir(wd, 0755, true, Owners.parse(d.image.user), cx.epochNanos());
            FileVertex v = new FileVertex(d.state.output(), List.of(new FileVertex.Plain(mkdir)),
                    d.platform.formatAll(), meta);
            d.state = d.state.withOutput(v.result());
        }
        d.image.addHistory("WORKDIR " + wd, withLayer, cx.epochText());
    }
}
