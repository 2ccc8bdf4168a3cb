package dev.kiln.cli.build;

import dev.kiln.cli.BuildOptions;
import dev.kiln.cli.args.LeafCommand;
import dev.kiln.cli.args.Options;
import dev.kiln.cli.check.BuildChecks;
import dev.kiln.cli.progress.PlainProgress;
import dev.kiln.worker.image.ResolveMode;
import dev.kiln.cli.engine.Engine;
import dev.kiln.cli.engine.EngineOptions;
import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.core.platform.Platform;
import dev.kiln.exporter.OutputSpec;
import dev.kiln.graph.ExecMeta;
import dev.kiln.worker.ops.Entitlement;
import dev.kiln.worker.ops.WorkerOptions;
import dev.kiln.worker.session.SecretSpec;
import dev.kiln.worker.session.SecretStore;
import dev.kiln.worker.session.SshAgents;
import dev.kiln.worker.session.SshSpec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;

/** {@code kiln build}: {@code docker buildx build}'s single-platform surface, run in-process. */
public final class BuildCommand {
    private final BuildOptions build = new BuildOptions();
    private final EngineOptions engine = new EngineOptions();
    private final List<String> tags = new ArrayList<>();
    private final List<String> outputs = new ArrayList<>();
    private boolean load;
    private boolean push;
    private boolean pull;
    private String progress = "auto";
    private boolean quiet;
    private Path iidFile;
    private Path metadataFile;
    private String shmSize;
    private final List<String> ulimitSpecs = new ArrayList<>();
    private final List<String> secrets = new ArrayList<>();
    private final List<String> ssh = new ArrayList<>();
    private final List<String> allow = new ArrayList<>();
    private boolean check;
    private String format = "text";
    private final List<String> buildContexts = new ArrayList<>();
    private final List<String> attest = new ArrayList<>();

    public LeafCommand spec() {
        Options o = new Options();
        build.declare(o);
        engine.declare(o);
        o.option("-t", "--tag").values("NAME[:TAG]", "Name and optionally a tag for the image.", tags::add);
        o.option("-o", "--output").values("SPEC",
                "Output destination (type=local|tar|oci|docker|image|registry,dest=...,attr=...).", outputs::add);
        o.option("--load").flag("Store the image in Kiln's local image store (shorthand for --output=type=docker).",
                v -> load = v);
        o.option("--push").flag("Push the image to its registry (shorthand for --output=type=registry).",
                v -> push = v);
        o.option("--pull").flag("Always look for newer versions of base images.", v -> pull = v);
        o.option("--progress").value("MODE", "Progress output: auto, plain, quiet (tty and rawjson come later).",
                v -> progress = v);
        o.option("-q", "--quiet").flag("Suppress the build output and print the image ID on success.",
                v -> quiet = v);
        o.option("--iidfile").value("FILE", "Write the image ID to a file.", v -> iidFile = Path.of(v));
        o.option("--metadata-file").value("FILE", "Write build result metadata to a file.",
                v -> metadataFile = Path.of(v));
        o.option("--shm-size").value("BYTES", "Size of /dev/shm for RUN steps (e.g. 128m).", v -> shmSize = v);
        o.option("--ulimit").values("TYPE=SOFT[:HARD]", "Ulimit options for RUN steps.", ulimitSpecs::add);
        o.option("--secret").values("id=ID[,src=FILE|env=VAR]", "Secret to expose to the build"
                + " (RUN --mount=type=secret); id=ID alone reads $ID or the file ID.", secrets::add);
        o.option("--ssh").values("default|ID[=SOCKET|KEY[,...]]",
                "SSH agent socket or keys to expose to the build (RUN --mount=type=ssh).", ssh::add);
        o.option("--allow").values("ENTITLEMENT[,ENTITLEMENT...]",
                "Allow extra privileged entitlement: network.host, security.insecure.", Options.commaSeparated(allow));
        o.option("--check").flag("Run the build checks only and report their findings.", v -> check = v);
        o.option("--format").value("FORMAT", "Output format of --check: text or json.", v -> format = v);
        o.option("--build-context").hidden().values("NAME=VALUE", "", buildContexts::add);
        o.option("--attest").hidden().values("SPEC", "", attest::add);
        return o.command("Build an image from a Dockerfile (options as in docker buildx build).", this::call);
    }

    private int call() {
        rejectNotYetSupported();
        try (CancelOnSignal cancel = CancelOnSignal.install()) {
            return buildOrCheck();
        }
    }

    private int buildOrCheck() {
        try (Engine e = engine.open(); StdinContext stdinContext = StdinContext.unpackIfGiven(build, e)) {
            if (check) {
                return BuildChecks.runChecks(build, format, System.out,
                        new EngineImageResolver(e.imageSource(), ResolveMode.DEFAULT, PlainProgress.discarding()));
            }
            Optional<String> imageId = new BuildRunner(e, System.err, System.out).run(job());
            if (quiet) {
                imageId.ifPresent(System.out::println);
            }
        }
        return 0;
    }

    private BuildRunner.Job job() {
        List<Platform> platforms = build.targetPlatforms();
        Platform target = platforms.isEmpty() ? null : platforms.getFirst();
        return new BuildRunner.Job(
                resolver -> build.convertRequest(build.contextDir(), target, resolver, System.in, System.getenv()),
                build.contextDir(), outputSpecs(), pull, workerOptions(),
                Optional.ofNullable(iidFile), Optional.ofNullable(metadataFile), quiet || progress.equals("quiet"));
    }

    private WorkerOptions workerOptions() {
        return new WorkerOptions(Sizes.parse(shmSize, "--shm-size"), ulimits(),
                SecretStore.load(secrets.stream().map(BuildCommand::secret).toList()),
                SshAgents.resolve(ssh.stream().map(SshSpec::parse).toList()), entitlements());
    }

    private static SecretSpec secret(String flag) {
        try {
            return SecretSpec.parse(flag);
        } catch (KilnException e) {
            throw new KilnException(e.kind(), "--secret " + flag + ": " + e.getMessage(), e);
        }
    }

    /** {@code --allow}, plus network.host when the whole build runs with {@code --network host}, as buildx grants. */
    private Set<Entitlement> entitlements() {
        Set<Entitlement> allowed = EnumSet.noneOf(Entitlement.class);
        allow.stream().map(String::strip).filter(a -> !a.isEmpty()).map(Entitlement::parse).forEach(allowed::add);
        if (build.network().equals("host")) {
            allowed.add(Entitlement.NETWORK_HOST);
        }
        return allowed;
    }

    private List<OutputSpec> outputSpecs() {
        List<OutputSpec> specs = new ArrayList<>(outputs.stream().map(OutputSpec::parse).toList());
        if (load) {
            specs.add(OutputSpec.load());
        }
        if (push) {
            specs.add(OutputSpec.push());
        }
        if (specs.isEmpty() && !tags.isEmpty()) {
            specs.add(OutputSpec.parse("type=image"));
        }
        if (!tags.isEmpty()) {
            String names = String.join(",", tags);
            specs.replaceAll(s -> s.attr("name").isPresent() || !namesImages(s) ? s : s.withAttr("name", names));
        }
        if (specs.isEmpty()) {
            System.err.println("WARNING: No output specified; the build result will only remain in the build cache."
                    + " Use -t NAME to store the image, or -o to export it.");
        }
        return specs;
    }

    private static boolean namesImages(OutputSpec s) {
        return switch (s.type()) {
            case "image", "registry", "docker", "oci" -> true;
            default -> false;
        };
    }

    /** {@code --ulimit nofile=1024:2048}, Docker's syntax; soft alone sets both. */
    private List<ExecMeta.Ulimit> ulimits() {
        List<ExecMeta.Ulimit> out = new ArrayList<>();
        for (String u : ulimitSpecs) {
            int eq = u.indexOf('=');
            String[] limits = eq < 0 ? new String[0] : u.substring(eq + 1).split(":", -1);
            try {
                if (eq <= 0 || limits.length > 2) {
                    throw new NumberFormatException();
                }
                long soft = Long.parseLong(limits[0]);
                long hard = limits.length == 2 ? Long.parseLong(limits[1]) : soft;
                out.add(new ExecMeta.Ulimit(u.substring(0, eq), soft, hard));
            } catch (NumberFormatException e) {
                throw new KilnException(ErrorKind.INVALID_ARGUMENT, "invalid --ulimit " + u + ": expected TYPE=SOFT[:HARD]");
            }
        }
        return out;
    }

    /** Flags that later versions deliver fail loudly instead of being silently ignored. */
    private void rejectNotYetSupported() {
        if (build.targetPlatforms().size() > 1) {
            throw notYet("--platform with more than one platform (multi-platform builds)");
        }
        build.targetPlatforms().stream().filter(p -> !p.normalize().equals(Platform.host().normalize())).findFirst()
                .ifPresent(p -> {
                    throw notYet("--platform " + p.format() + " (building for a foreign platform)");
                });
        if (!buildContexts.isEmpty()) {
            throw notYet("--build-context");
        }
        if (!attest.isEmpty()) {
            throw notYet("--attest");
        }
        if (!List.of("auto", "plain", "quiet").contains(progress)) {
            throw notYet("--progress=" + progress);
        }
    }

    private static KilnException notYet(String what) {
        return new KilnException(ErrorKind.INVALID_ARGUMENT, what + " is not supported yet");
    }
}
