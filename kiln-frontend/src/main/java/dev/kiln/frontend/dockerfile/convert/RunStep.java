package dev.kiln.frontend.dockerfile.convert;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.frontend.dockerfile.instructions.CommandLine;
import dev.kiln.frontend.dockerfile.instructions.InlineFile;
import dev.kiln.frontend.dockerfile.instructions.RunInstruction;
import dev.kiln.frontend.dockerfile.parser.GoText;
import dev.kiln.frontend.dockerfile.parser.Heredocs;
import dev.kiln.frontend.dockerfile.shell.ShellLex;
import dev.kiln.graph.ExecMeta;
import dev.kiln.graph.FileAction;
import dev.kiln.graph.NodeMeta;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * RUN: a process in the stage's filesystem. Shell form runs through SHELL; a single heredoc becomes the
 * script (a file run directly when it starts with {@code #!}); ARGs and ENV are the environment.
 */
final class RunStep {
    private static final NodeMeta INLINE_DOCUMENT = new NodeMeta("[internal] preparing inline document", null, false);
    private static final List<String> PROXY_ARGS = List.of("http_proxy", "https_proxy", "ftp_proxy", "no_proxy",
            "all_proxy");

    private final Conversion cx;

    RunStep(Conversion cx) {
        this.cx = cx;
    }

    void apply(StageState d, RunInstruction run, Command command, Words words) {
        if (!run.devices().isEmpty()) {
            throw new KilnException(ErrorKind.INVALID_ARGUMENT, "RUN --device is not supported yet");
        }
        RunMounts mounts = new RunMounts(cx, d, command);
        String name = run.info().text();
        List<String> args = run.command().args();
        if (!run.command().files().isEmpty()) {
            Heredoc script = heredoc(d, run.command(), mounts);
            args = script.args;
            name += script.nameSuffix;
        }
        if (run.command().prependShell()) {
            args = ConfigSteps.withShell(d.image, args);
        }
        mounts.add(run, words);
        EnvList env = d.state.env();
        ShellLex nameLex = cx.lex.withRawQuotes(true).withSkipUnsetEnv(true);
        NodeMeta meta = new NodeMeta(StepNames.next(d, StepNames.instructionText(nameLex, name,
                mounts.maskSecrets(env)), cx.multiPlatform), command.location(), d.ignoreCache);
        ExecMeta process = new ExecMeta(args, withProxies(env.toList()), d.state.dir(), d.state.user(),
                d.state.hostname(), cx.req.extraHosts(), List.of(), List.of());
        List<MountPlan> all = new ArrayList<>();
        all.add(MountPlan.root(d.state.output()));
        all.addAll(mounts.mounts);
        ExecVertex exec = new ExecVertex(process, all, network(run.network(), d.state.network()),
                security(run.security()), mounts.secretEnv, d.platform.formatAll(), meta);
        d.state = d.state.withOutput(exec.root());
        d.image.addHistory(History.run(args, d.buildArgs, env) + " # buildkit", true, cx.epochText());
    }

    private record Heredoc(List<String> args, String nameSuffix) {
    }

    private Heredoc heredoc(StageState d, CommandLine line, RunMounts mounts) {
        List<String> args = line.args();
        if (args.size() != 1 || !line.prependShell()) {
            throw new KilnException(ErrorKind.INVALID_ARGUMENT,
                    "parsing produced an invalid run command: " + History.list(args));
        }
        if (Heredocs.parseWordLenient(args.getFirst()).isEmpty()) {
            StringBuilder script = new StringBuilder(args.getFirst());
            for (InlineFile f : line.files()) {
                script.append('\n').append(f.data()).append(f.name());
            }
            return new Heredoc(List.of(script.toString()), "");
        }
        InlineFile file = line.files().getFirst();
        String data = file.chomp() ? Heredocs.chomp(file.data()) : file.data();
        String suffix = " (" + StepNames.heredocSummary(file.data()) + ")";
        if ("windows".equals(d.image.os) || !data.startsWith("#!")) {
            return new Heredoc(List.of(data), suffix);
        }
        String path = GoPath.join("/", file.name());
        FileAction mkfile = new FileAction.Mkfile(path, 0755, GoText.encode(data), null, null);
        FileVertex doc = new FileVertex(null, List.of(new FileVertex.Plain(mkfile)), d.platform.formatAll(),
                INLINE_DOCUMENT);
        mounts.mounts.add(MountPlan.bind(doc.result(), "/", "/dev/pipes/", true));
        return new Heredoc(List.of(GoPath.join("/dev/pipes/", file.name())), suffix);
    }

    /**
     * Proxy build arguments reach every RUN, in both spellings, without being declared (BuildKit passes them
     * beside the environment; here they are part of it unless the step already sets them).
     */
    private List<String> withProxies(List<String> env) {
        Map<String, String> proxies = new TreeMap<>();
        for (String key : new java.util.TreeSet<>(cx.req.buildArgs().keySet())) {
            String lower = key.toLowerCase(Locale.ROOT);
            if (PROXY_ARGS.contains(lower)) {
                proxies.put(lower, cx.req.buildArgs().get(key));
            }
        }
        List<String> out = new ArrayList<>(env);
        proxies.forEach((name, value) -> {
            for (String key : List.of(name.toUpperCase(Locale.ROOT), name)) {
                if (out.stream().noneMatch(e -> e.startsWith(key + "="))) {
                    out.add(key + "=" + value);
                }
            }
        });
        return out;
    }

    private static String network(String flag, String inherited) {
        return switch (flag) {
            case "none" -> "none";
            case "host" -> "host";
            default -> inherited;
        };
    }

    private static String security(String flag) {
        return flag.equals("insecure") ? "insecure" : "sandbox";
    }
}
