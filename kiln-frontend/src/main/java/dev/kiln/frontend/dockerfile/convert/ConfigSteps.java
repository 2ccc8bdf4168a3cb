package dev.kiln.frontend.dockerfile.convert;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.core.oci.ContainerConfig;
import dev.kiln.core.SourceLocation;
import dev.kiln.frontend.dockerfile.instructions.ArgDefinition;
import dev.kiln.frontend.dockerfile.instructions.ArgInstruction;
import dev.kiln.frontend.dockerfile.instructions.CmdInstruction;
import dev.kiln.frontend.dockerfile.instructions.CommandLine;
import dev.kiln.frontend.dockerfile.instructions.EntrypointInstruction;
import dev.kiln.frontend.dockerfile.instructions.EnvInstruction;
import dev.kiln.frontend.dockerfile.instructions.ExposeInstruction;
import dev.kiln.frontend.dockerfile.instructions.HealthConfig;
import dev.kiln.frontend.dockerfile.instructions.HealthcheckInstruction;
import dev.kiln.frontend.dockerfile.instructions.Instruction;
import dev.kiln.frontend.dockerfile.instructions.KeyValuePair;
import dev.kiln.frontend.dockerfile.instructions.LabelInstruction;
import dev.kiln.frontend.dockerfile.instructions.VolumeInstruction;
import dev.kiln.frontend.dockerfile.lint.LintRule;
import dev.kiln.frontend.dockerfile.lint.Linter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The instructions that change only the image config (and the environment of later steps). */
final class ConfigSteps {
    private final Conversion cx;

    ConfigSteps(Conversion cx) {
        this.cx = cx;
    }

    void env(StageState d, EnvInstruction c, Words words, Linter lint) {
        StringBuilder history = new StringBuilder("ENV");
        for (KeyValuePair kv : c.env()) {
            String key = words.expand(kv.key());
            String value = words.expand(kv.value());
            if (kv.noDelimiter()) {
                lint.report(LintRule.LEGACY_KEY_VALUE_FORMAT, c.location(), c.info().keyword(), c.info().keyword());
            }
            secretCheck("ENV", key, c, lint);
            history.append(' ').append(key).append('=').append(value);
            d.state = d.state.withEnv(key, value);
            d.image.setEnv(key, value);
        }
        commit(d, history.toString());
    }

    void label(StageState d, LabelInstruction c, Words words, Linter lint) {
        StringBuilder history = new StringBuilder("LABEL");
        if (d.image.labels == null) {
            d.image.labels = new LinkedHashMap<>();
        }
        for (KeyValuePair kv : c.labels()) {
            String key = words.expand(kv.key());
            String value = words.expand(kv.value());
            if (kv.noDelimiter()) {
                lint.report(LintRule.LEGACY_KEY_VALUE_FORMAT, c.location(), c.info().keyword(), c.info().keyword());
            }
            d.image.labels.put(key, value);
            history.append(' ').append(key).append('=').append(value);
        }
        commit(d, history.toString());
    }

    /** ARG: a build argument, else the default expanded, else the global value; the value enters RUN env. */
    void arg(StageState d, ArgInstruction c, Words words, Linter lint) {
        List<String> history = new ArrayList<>();
        for (ArgDefinition def : c.args()) {
            String key = def.key();
            secretCheck("ARG", key, c, lint);
            String value = cx.req.buildArgs().get(key);
            if (value == null && def.defaultValue().isPresent()) {
                value = words.expand(def.defaultValue().get());
            } else if (value == null) {
                value = cx.globalArgs.env().get(key).orElse(null);
            }
            if (value != null && !key.startsWith("BUILDKIT_SBOM_SCAN_")) {
                d.state = d.state.withEnv(key, value);
            }
            d.buildArgs.add(new ArgBinding(key, value));
            history.add(value == null ? key : key + "=" + value);
        }
        commit(d, "ARG " + String.join(" ", history));
    }

    void cmd(StageState d, CmdInstruction c, Linter lint) {
        usedOnce(d.cmd, c.location(), c.info().keyword(), lint);
        List<String> args = shellForm(d, c.command(), c.info().keyword(), c.location(), lint);
        d.image.cmd = args;
        d.image.argsEscaped = true;
        commit(d, History.quoted("CMD", args));
    }

    void entrypoint(StageState d, EntrypointInstruction c, Linter lint) {
        usedOnce(d.entrypoint, c.location(), c.info().keyword(), lint);
        List<String> args = shellForm(d, c.command(), c.info().keyword(), c.location(), lint);
        d.image.entrypoint = args;
        if (!d.cmd.isSet()) {
            d.image.cmd = null;
        }
        commit(d, History.quoted("ENTRYPOINT", args));
    }

    void healthcheck(StageState d, HealthcheckInstruction c, Linter lint) {
        usedOnce(d.healthcheck, c.location(), c.info().keyword(), lint);
        HealthConfig h = c.health();
        d.image.healthcheck = new ContainerConfig.Healthcheck(h.test(), h.interval().toNanos(), h.timeout().toNanos(),
                h.startPeriod().toNanos(), h.startInterval().toNanos(), h.retries());
        commit(d, History.healthcheck(d.image.healthcheck));
    }

    void expose(StageState d, ExposeInstruction c, Words words, Linter lint) {
        List<String> ports = new PortSpecs(lint, c.location()).parse(words.expandSplit(c.ports()));
        if (d.image.exposedPorts == null) {
            d.image.exposedPorts = new LinkedHashMap<>();
        }
        ports.forEach(p -> d.image.exposedPorts.put(p, Map.of()));
        commit(d, "EXPOSE " + History.list(ports));
    }

    void volume(StageState d, VolumeInstruction c, Words words) {
        List<String> volumes = words.expandAll(c.volumes());
        if (d.image.volumes == null) {
            d.image.volumes = new LinkedHashMap<>();
        }
        for (String v : volumes) {
            if (v.isEmpty()) {
                throw new KilnException(ErrorKind.INVALID_ARGUMENT, "VOLUME specified can not be an empty string");
            }
            d.image.volumes.put(v, Map.of());
        }
        commit(d, "VOLUME " + History.list(volumes));
    }

    void user(StageState d, String user, boolean commit) {
        d.state = d.state.withUser(user);
        d.image.user = user;
        if (commit) {
            commit(d, "USER " + user);
        }
    }

    void stopSignal(StageState d, String signal) {
        StopSignals.validate(signal);
        d.image.stopSignal = signal;
        commit(d, "STOPSIGNAL " + signal);
    }

    void shell(StageState d, List<String> shell) {
        d.image.shell = shell;
        commit(d, "SHELL " + History.list(shell));
    }

    void maintainer(StageState d, String maintainer) {
        d.image.author = maintainer;
        commit(d, "MAINTAINER " + maintainer);
    }

    void onbuild(StageState d, String expression) {
        if (d.image.onBuild == null) {
            d.image.onBuild = new ArrayList<>();
        } else {
            d.image.onBuild = new ArrayList<>(d.image.onBuild);
        }
        d.image.onBuild.add(expression);
    }

    /** The shell form wrapped in the stage's SHELL (default {@code /bin/sh -c}); JSONArgsRecommended without SHELL. */
    private List<String> shellForm(StageState d, CommandLine line, String name, SourceLocation where,
                                   Linter lint) {
        if (!line.prependShell()) {
            return line.args();
        }
        if (d.image.shell == null || d.image.shell.isEmpty()) {
            lint.report(LintRule.JSON_ARGS_RECOMMENDED, where, name);
        }
        return withShell(d.image, line.args());
    }

    static List<String> withShell(ImageState image, List<String> args) {
        List<String> out = new ArrayList<>(image.shell == null || image.shell.isEmpty()
                ? List.of("/bin/sh", "-c") : image.shell);
        out.add(String.join(" ", args));
        return out;
    }

    private void usedOnce(UsageTracker tracker, SourceLocation where, String name, Linter lint) {
        var previous = tracker.use(where);
        if (previous != null) {
            lint.report(LintRule.MULTIPLE_INSTRUCTIONS_DISALLOWED, previous, name);
        }
    }

    private static void secretCheck(String instruction, String key,
                                    Instruction c, Linter lint) {
        if (SecretNames.looksSecret(key)) {
            lint.report(LintRule.SECRETS_USED_IN_ARG_OR_ENV, c.location(), instruction, key);
        }
    }

    private void commit(StageState d, String createdBy) {
        d.image.addHistory(createdBy, false, cx.epochText());
    }
}
