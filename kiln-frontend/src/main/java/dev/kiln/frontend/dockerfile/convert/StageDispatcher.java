package dev.kiln.frontend.dockerfile.convert;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.frontend.dockerfile.instructions.AddInstruction;
import dev.kiln.frontend.dockerfile.instructions.ArgInstruction;
import dev.kiln.frontend.dockerfile.instructions.CmdInstruction;
import dev.kiln.frontend.dockerfile.instructions.CopyInstruction;
import dev.kiln.frontend.dockerfile.instructions.EntrypointInstruction;
import dev.kiln.frontend.dockerfile.instructions.EnvInstruction;
import dev.kiln.frontend.dockerfile.instructions.ExposeInstruction;
import dev.kiln.frontend.dockerfile.instructions.FromInstruction;
import dev.kiln.frontend.dockerfile.instructions.HealthcheckInstruction;
import dev.kiln.frontend.dockerfile.instructions.LabelInstruction;
import dev.kiln.frontend.dockerfile.instructions.MaintainerInstruction;
import dev.kiln.frontend.dockerfile.instructions.OnbuildInstruction;
import dev.kiln.frontend.dockerfile.instructions.RunInstruction;
import dev.kiln.frontend.dockerfile.instructions.ShellInstruction;
import dev.kiln.frontend.dockerfile.instructions.StopSignalInstruction;
import dev.kiln.frontend.dockerfile.instructions.UserInstruction;
import dev.kiln.frontend.dockerfile.instructions.VolumeInstruction;
import dev.kiln.frontend.dockerfile.instructions.WorkdirInstruction;
import dev.kiln.frontend.dockerfile.lint.Linter;

import java.util.List;
import java.util.Set;

/** Dispatches the instructions of each needed stage, in file order, onto its state and image config. */
final class StageDispatcher {
    private final Conversion cx;
    private final ConfigSteps config;
    private final WorkdirStep workdir;
    private final RunStep run;
    private final CopyStep copy;

    StageDispatcher(Conversion cx) {
        this.cx = cx;
        this.config = new ConfigSteps(cx);
        this.workdir = new WorkdirStep(cx);
        this.run = new RunStep(cx);
        this.copy = new CopyStep(cx);
    }

    void dispatchAll(Set<StageState> needed) {
        for (StageState d : List.copyOf(cx.table.all())) {
            if (!cx.req.allStages() && (!needed.contains(d) || d.dispatched)) {
                continue;
            }
            Located.run(d.location, () -> start(d));
            for (Command c : d.commands) {
                Located.run(c.location(), () -> dispatch(d, c));
            }
        }
    }

    /** A stage starts from its base: its filesystem, and its config's environment, directory and user. */
    private void start(StageState d) {
        d.inheritFromBase();
        d.dispatched = true;
        if (d.platform == null) {
            d.platform = cx.targetPlatform;
        }
        if (!"windows".equals(d.platform.os()) && d.image.env.stream().noneMatch(e -> e.startsWith("PATH="))) {
            d.image.env.add("PATH=" + ImageState.DEFAULT_PATH);
        }
        for (String e : d.image.env) {
            int eq = e.indexOf('=');
            d.state = d.state.withEnv(eq < 0 ? e : e.substring(0, eq), eq < 0 ? "" : e.substring(eq + 1));
        }
        String hostname = cx.buildArg("BUILDKIT_SANDBOX_HOSTNAME");
        if (!hostname.isEmpty()) {
            d.state = d.state.withHostname(hostname);
        }
        if (d.image.workingDir != null && !d.image.workingDir.isEmpty()) {
            workdir.apply(d, d.image.workingDir, null, null);
        }
        if (d.image.user != null && !d.image.user.isEmpty()) {
            config.user(d, d.image.user, false);
        }
        d.state = d.state.withNetwork(network(cx.req.network()));
    }

    private void dispatch(StageState d, Command c) {
        d.cmdIsOnBuild = c.onBuild();
        Linter lint = cx.lint.withComments(c.comments());
        Words words = new Words(cx.lex, d, c, lint);
        switch (c.instruction()) {
            case EnvInstruction i -> config.env(d, i, words, lint);
            case LabelInstruction i -> config.label(d, i, words, lint);
            case ArgInstruction i -> config.arg(d, i, words, lint);
            case RunInstruction i -> run.apply(d, i, c, words);
            case CopyInstruction i -> copy.copy(d, i, c, words, lint);
            case AddInstruction i -> copy.add(d, i, c, words, lint);
            case WorkdirInstruction i -> workdir.apply(d, words.expand(i.path()), c, lint);
            case UserInstruction i -> config.user(d, words.expand(i.user()), true);
            case CmdInstruction i -> config.cmd(d, i, lint);
            case EntrypointInstruction i -> config.entrypoint(d, i, lint);
            case HealthcheckInstruction i -> config.healthcheck(d, i, lint);
            case ExposeInstruction i -> config.expose(d, i, words, lint);
            case VolumeInstruction i -> config.volume(d, i, words);
            case StopSignalInstruction i -> config.stopSignal(d, words.expand(i.signal()));
            case ShellInstruction i -> config.shell(d, i.shell());
            case MaintainerInstruction i -> config.maintainer(d, i.maintainer());
            case OnbuildInstruction i -> config.onbuild(d, i.expression());
            case FromInstruction i -> throw new KilnException(ErrorKind.INTERNAL, "FROM inside a stage");
        }
    }

    private static String network(String mode) {
        return switch (mode == null ? "" : mode) {
            case "", "default", "sandbox" -> "sandbox";
            case "none" -> "none";
            case "host" -> "host";
            default -> throw new KilnException(ErrorKind.INVALID_ARGUMENT, "network mode \"" + mode
                    + "\" not supported by buildkit");
        };
    }
}
