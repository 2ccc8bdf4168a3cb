package dev.kiln.frontend.dockerfile.convert;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.frontend.dockerfile.instructions.MountSpec;
import dev.kiln.frontend.dockerfile.instructions.MountType;
import dev.kiln.frontend.dockerfile.instructions.RunInstruction;
import dev.kiln.graph.ExecMount;
import dev.kiln.graph.ExecOp;
import dev.kiln.graph.FileAction;
import dev.kiln.graph.NodeMeta;
import dev.kiln.frontend.dockerfile.parser.GoQuote;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code RUN --mount} options as exec mounts, with BuildKit's defaults: bind from the context or a
 * stage (read-only unless {@code rw}, writes discarded), cache (id defaulting to the target), tmpfs,
 * secret (file and/or environment variable) and ssh agent sockets.
 */
final class RunMounts {
    private static final NodeMeta CACHE_PERMISSIONS =
            new NodeMeta("[internal] settings cache mount permissions", null, false);

    private final Conversion cx;
    private final StageState stage;
    private final Command command;
    final List<MountPlan> mounts = new ArrayList<>();
    final List<ExecOp.SecretEnv> secretEnv = new ArrayList<>();
    private int sshCount;

    RunMounts(Conversion cx, StageState stage, Command command) {
        this.cx = cx;
        this.stage = stage;
        this.command = command;
    }

    void add(RunInstruction run, Words words) {
        List<MountSpec> specs = run.mountSpecs(words.expander());
        for (int i = 0; i < specs.size(); i++) {
            MountSpec m = specs.get(i);
            switch (m.type()) {
                case SECRET -> secret(m);
                case SSH -> ssh(m);
                case TMPFS -> {
                    mounts.add(MountPlan.tmpfs(target(m), m.sizeLimit()));
                    cx.context.use("/");
                }
                default -> filesystem(m, command.sources().size() > i ? command.sources().get(i) : null);
            }
        }
    }

    private void filesystem(MountSpec m, StageState known) {
        String from = m.type() == MountType.CACHE && m.from().isEmpty() ? "scratch" : m.from();
        Ref source = source(from, known);
        String target = target(m);
        String sub = GoPath.join("/", m.source());
        String selector = sub;
        if (sub.equals("/") && m.type() == MountType.CACHE
                && (m.uid().isPresent() || m.gid().isPresent() || m.mode().isPresent())) {
            source = cachePermissions(source, m);
            selector = "/cache";
        }
        if (m.type() == MountType.CACHE) {
            String ns = cx.buildArg("BUILDKIT_CACHE_MOUNT_NS");
            ExecMount.Sharing sharing = m.sharing().map(s -> ExecMount.Sharing.valueOf(s.name()))
                    .orElse(ExecMount.Sharing.SHARED);
            mounts.add(MountPlan.cache(source, selector, target, m.readOnly(),
                    new ExecMount.CacheOpt(ns + "/" + m.effectiveCacheId(), sharing)));
        } else {
            mounts.add(MountPlan.bind(source, selector, target, m.readOnly()));
        }
        if (from.isEmpty()) {
            cx.context.use(sub);
        }
    }

    private Ref source(String from, StageState known) {
        if (from.isEmpty()) {
            return Ref.of(cx.context);
        }
        if (from.equals("scratch") && known == null) {
            return null;
        }
        StageState s = known != null ? known : cx.table.byName(from);
        if (s == null || !s.dispatched || s.state == null) {
            throw new KilnException(ErrorKind.INVALID_ARGUMENT, "cannot mount from stage " + GoQuote.quote(from)
                    + ", it needs to be defined before current stage " + GoQuote.quote(stage.displayName));
        }
        return s.state.output();
    }

    /** The mount point: absolute, relative ones under the working directory; never the root. */
    private String target(MountSpec m) {
        String target = m.target();
        if (!GoPath.isAbs(GoPath.clean(target))) {
            target = GoPath.join("/", stage.state.dir(), target);
        }
        if (target.equals("/")) {
            throw new KilnException(ErrorKind.INVALID_ARGUMENT, "invalid mount target " + GoQuote.quote(target));
        }
        return target;
    }

    private Ref cachePermissions(Ref base, MountSpec m) {
        FileAction.Owner owner = new FileAction.Owner(Long.toString(m.uid().orElse(0)),
                Long.toString(m.gid().orElse(0)));
        FileAction mkdir = new FileAction.Mkdir("/cache", (int) m.mode().orElse(0755), false, owner, null);
        return new FileVertex(base, List.of(new FileVertex.Plain(mkdir)), stage.platform.formatAll(),
                CACHE_PERMISSIONS).result();
    }

    private void secret(MountSpec m) {
        String id = m.secretId();
        boolean optional = !m.required();
        m.secretTarget().ifPresent(t -> mounts.add(MountPlan.secret(t, new ExecMount.SecretOpt(id,
                (int) m.uid().orElse(0), (int) m.gid().orElse(0), (int) m.fileMode(), optional))));
        m.env().ifPresent(name -> secretEnv.add(new ExecOp.SecretEnv(id, name, optional)));
    }

    private void ssh(MountSpec m) {
        if (!m.source().isEmpty()) {
            throw new KilnException(ErrorKind.INVALID_ARGUMENT, "ssh does not support source");
        }
        String target = m.target().isEmpty() ? "/run/buildkit/ssh_agent." + sshCount : m.target();
        sshCount++;
        mounts.add(MountPlan.ssh(target, new ExecMount.SshOpt(m.sshId(), (int) m.uid().orElse(0),
                (int) m.gid().orElse(0), (int) m.fileMode(), !m.required())));
    }

    /** Secret values shown as {@code ****} in step names. */
    EnvList maskSecrets(EnvList env) {
        EnvList masked = env;
        for (ExecOp.SecretEnv s : secretEnv) {
            masked = masked.with(s.name(), "****");
        }
        return masked;
    }
}
