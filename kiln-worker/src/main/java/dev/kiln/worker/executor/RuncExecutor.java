package dev.kiln.worker.executor;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.core.json.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs build steps with runc, like BuildKit's OCI worker: one bundle per run under
 * {@code <stateDir>/bundles/<id>}, {@code runc --root <stateDir>/runc run} in the foreground, output
 * streamed, and the container deleted and the bundle removed whatever happens. Containers go in the
 * cgroup {@code kiln/<id>} relative to our own (BuildKit uses {@code /buildkit/<id>}); on this host's
 * hybrid v1 hierarchy runc creates and removes it per run.
 *
 * <p>A Kiln killed with SIGKILL leaves its containers running; the constructor removes every container
 * and bundle under the state directory whose owning process is gone.
 *
 * <p>The state directory is scratch space that is worth putting on tmpfs (containerd keeps bundles and
 * runc state under /run): on ext4 without a journal the per-run directory and state files cost a few
 * milliseconds more per run than on tmpfs.
 */
public final class RuncExecutor implements Executor {
    private static final long KILL_TIMEOUT_SECONDS = 10;
    private static final long KILL_RETRY_MILLIS = 20;

    private final Path bundles;
    private final SharedEtcFiles etcFiles;
    private final RuncCli runc;
    private final OciSpecBuilder specs;
    private final Set<String> running = ConcurrentHashMap.newKeySet();

    /** Uses the {@code runc} found on PATH. */
    public RuncExecutor(Path stateDir) {
        this(stateDir, onPath("runc"));
    }

    public RuncExecutor(Path stateDir, Path runcBinary) {
        Path state = stateDir.toAbsolutePath();
        this.bundles = state.resolve("bundles");
        this.etcFiles = new SharedEtcFiles(state.resolve("etc"));
        this.runc = new RuncCli(runcBinary, state.resolve("runc"));
        this.specs = new OciSpecBuilder(HostFacts.current());
        try {
            Files.createDirectories(bundles);
            Files.createDirectories(state.resolve("etc"));
            Files.createDirectories(state.resolve("runc"));
        } catch (IOException e) {
            throw new KilnException(ErrorKind.UNAVAILABLE, "cannot create executor state in " + state + ": " + e, e);
        }
        removeAbandoned();
    }

    @Override
    public ExecResult run(ExecRequest request, ProcessOutput output) {
        Objects.requireNonNull(output, "output");
        if (!Files.isDirectory(request.rootfs())) {
            throw new KilnException(ErrorKind.FAILED_PRECONDITION, "rootfs " + request.rootfs() + " is not a directory");
        }
        if (!running.add(request.id())) {
            throw new KilnException(ErrorKind.ALREADY_EXISTS, "container " + request.id() + " is already running");
        }
        try (Bundle bundle = Bundle.create(bundles, request.id())) {
            MountStubs stubs = MountStubs.note(request.rootfs(), stubCandidates(request));
            try {
                prepare(request, bundle);
                return execute(request.id(), bundle, output);
            } finally {
                stubs.clean();
            }
        } finally {
            running.remove(request.id());
        }
    }

    private void prepare(ExecRequest request, Bundle bundle) {
        ResolvedUser user = UserResolver.resolve(request.rootfs(), request.user());
        WorkingDir.ensure(request.rootfs(), request.cwd(), user);
        Path hosts = etcFiles.file("hosts", EtcFiles.hosts(request.hostname(), request.extraHosts()));
        Path resolvConf = etcFiles.file("resolv.conf",
                EtcFiles.resolvConf(EtcFiles.readHostResolvConf(request.network()), request.network()));
        OciSpec spec = specs.build(request, user, hosts, resolvConf, "kiln/" + request.id());
        bundle.writeConfig(Json.bytes(spec));
    }

    private ExecResult execute(String id, Bundle bundle, ProcessOutput output) {
        if (Thread.currentThread().isInterrupted()) {
            throw canceled(id);
        }
        long start = System.nanoTime();
        Process process = runc.startRun(id, bundle.dir());
        OutputPump stdout = OutputPump.start(process.getInputStream(), ProcessOutput.Stream.STDOUT, output);
        OutputPump stderr = OutputPump.start(process.getErrorStream(), ProcessOutput.Stream.STDERR, output);
        try {
            int exitCode = await(process, id);
            return new ExecResult(exitCode, Duration.ofNanos(System.nanoTime() - start));
        } finally {
            // Delete before draining: a container that outlived runc still holds the pipes open.
            if (runc.exists(id)) {
                runc.forceDelete(id);
            }
            stdout.join();
            stderr.join();
        }
    }

    private int await(Process process, String id) {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            stop(process, id);
            Thread.currentThread().interrupt();
            throw canceled(id);
        }
    }

    /**
     * SIGKILL goes to the container through {@code runc kill} (runc itself cannot forward it); until
     * runc has created the container there is nothing to kill yet, so we retry until runc exits.
     */
    private void stop(Process process, String id) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(KILL_TIMEOUT_SECONDS);
        while (process.isAlive() && System.nanoTime() < deadline) {
            if (runc.exists(id)) {
                runc.kill(id);
            }
            RuncCli.waitUninterruptibly(process, KILL_RETRY_MILLIS, TimeUnit.MILLISECONDS);
        }
        if (process.isAlive()) {
            process.destroyForcibly();
            RuncCli.waitUninterruptibly(process, KILL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
    }

    private static KilnException canceled(String id) {
        return new KilnException(ErrorKind.CANCELED, "container " + id + " was canceled");
    }

    /** Where runc may have to create a mount point in the rootfs. */
    private static List<String> stubCandidates(ExecRequest request) {
        List<String> destinations = new ArrayList<>(List.of("/etc/resolv.conf", "/etc/hosts"));
        request.mounts().forEach(m -> destinations.add(m.destination()));
        return destinations;
    }

    private void removeAbandoned() {
        for (String id : runc.containers()) {
            if (Bundle.isAbandoned(bundles.resolve(id))) {
                runc.forceDelete(id);
            }
        }
        try (Stream<Path> dirs = Files.list(bundles)) {
            dirs.filter(Bundle::isAbandoned).forEach(Bundle::deleteQuietly);
        } catch (IOException e) {
            throw new KilnException(ErrorKind.UNAVAILABLE, "cannot list bundles in " + bundles + ": " + e, e);
        }
    }

    /** The executable {@code name} on PATH (an absolute path is taken as is). */
    public static Path onPath(String name) {
        if (name.contains("/")) {
            return Path.of(name);
        }
        String path = System.getenv("PATH");
        for (String dir : (path == null ? "" : path).split(":")) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate.toAbsolutePath();
            }
        }
        throw new KilnException(ErrorKind.UNAVAILABLE, name + " was not found on PATH; install it (Debian: apt-get install "
                + name + ")");
    }
}
