package dev.kiln.worker.ops;

import dev.kiln.core.Digest;
import dev.kiln.graph.ExecMeta;
import dev.kiln.graph.ExecMount;
import dev.kiln.graph.ExecOp;
import dev.kiln.graph.Node;
import dev.kiln.graph.Op;
import dev.kiln.solver.WorkerSpi;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * How an exec is cached, by BuildKit's rules (its exec op's CacheMap). The op is keyed with what must not
 * split the cache blanked: the IPs of extra hosts, mount selectors (they key the inputs instead), and the id
 * and sharing of cache mounts unless they are the Dockerfile default (id = target, shared), so renaming a
 * cache or changing its sharing reuses the step. Per input, the paths the mounts select are the selector;
 * an input whose mounts are read-only or throw-away is keyed by the content of those paths, so a step that
 * binds the build context reruns only when the files it sees change. Secret and SSH values never enter the
 * graph, so they cannot enter a key; cache mount contents are never part of it either.
 */
final class ExecCacheMap {
    private ExecCacheMap() {
    }


    static WorkerSpi.CacheMap of(Node node, ExecOp op, ContentDigests digests) {
        Digest digest = CacheIdentity.digest(keyed(op), node.platform());
        List<WorkerSpi.Dep> deps = new ArrayList<>();
        for (int i = 0; i < node.inputs().size(); i++) {
            deps.add(dep(op, i, digests));
        }
        return new WorkerSpi.CacheMap(digest, deps);
    }

    private static ExecOp keyed(ExecOp op) {
        ExecMeta m = op.meta();
        List<ExecMeta.HostIp> hosts = m.extraHosts().stream().map(h -> new ExecMeta.HostIp(h.host(), "")).toList();
        ExecMeta meta = new ExecMeta(m.args(), m.env(), m.cwd(), m.user(), m.hostname(), hosts, m.ulimits(),
                m.validExitCodes());
        List<ExecMount> mounts = op.mounts().stream().map(ExecCacheMap::keyed).toList();
        return new ExecOp(meta, mounts, op.network(), op.security(), op.secretEnv());
    }

    private static ExecMount keyed(ExecMount m) {
        ExecMount.CacheOpt cache = m.cacheOpt();
        if (cache != null && !isDefaultCacheId(cache, m.dest())) {
            cache = new ExecMount.CacheOpt("", ExecMount.Sharing.SHARED);
        }
        return new ExecMount(m.input(), "", m.dest(), m.output(), m.readonly(), m.type(), cache, m.tmpfsOpt(),
                m.secretOpt(), m.sshOpt());
    }

    /** The id the Dockerfile gives a cache mount without {@code id=}: the target, maybe after a namespace. */
    private static boolean isDefaultCacheId(ExecMount.CacheOpt cache, String dest) {
        if (cache.sharing() != ExecMount.Sharing.SHARED) {
            return false;
        }
        int slash = cache.id().indexOf('/');
        return cache.id().equals(dest) || (slash >= 0 && cache.id().substring(slash + 1).equals(dest));
    }

    private static WorkerSpi.Dep dep(ExecOp op, int input, ContentDigests digests) {
        List<String> selectors = new ArrayList<>();
        boolean contentBased = true;
        for (ExecMount m : op.mounts()) {
            if (m.input() != input || m.input() == Op.SCRATCH || !readsInput(m)) {
                continue;
            }
            String selector = absolute(m.selector());
            selectors.add(selector);
            // Content keys are safe where the step cannot turn unselected files into part of its result.
            boolean safe = m.output() == ExecMount.NO_OUTPUT || m.readonly() || selector.equals("/");
            contentBased &= safe && !m.dest().equals("/");
        }
        if (selectors.isEmpty()) {
            return WorkerSpi.Dep.PLAIN;
        }
        Digest selector = Digest.sha256(String.join("\0", selectors));
        List<String> paths = outermost(selectors);
        return new WorkerSpi.Dep(selector, contentBased ? (result, ctx) -> digests.ofMounted(result, paths) : null);
    }

    private static boolean readsInput(ExecMount m) {
        return m.type() == ExecMount.MountType.BIND || m.type() == ExecMount.MountType.CACHE;
    }

    /** A mount's selector as the absolute path it names inside its input. */
    static String absolute(String selector) {
        return selector == null || selector.isEmpty() ? "/" : selector.startsWith("/") ? selector : "/" + selector;
    }

    /** The selected paths without those inside another, sorted: every file checksummed once. */
    private static List<String> outermost(List<String> paths) {
        TreeSet<String> sorted = new TreeSet<>(paths);
        List<String> out = new ArrayList<>();
        for (String p : sorted) {
            if (out.stream().noneMatch(o -> o.equals("/") || p.startsWith(o + "/"))) {
                out.add(p);
            }
        }
        return out;
    }
}
