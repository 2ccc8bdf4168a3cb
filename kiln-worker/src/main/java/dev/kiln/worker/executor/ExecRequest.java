package dev.kiln.worker.executor;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.graph.ExecMeta.HostIp;
import dev.kiln.graph.ExecMeta.Ulimit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One process to run. {@code rootfs} is a directory the caller has already mounted (overlay or plain);
 * {@code user} is the Dockerfile USER form ({@code name}, {@code uid}, {@code name:group},
 * {@code uid:gid}; empty = root); {@code cwd} is created in the rootfs when missing; {@code env} is a
 * {@code K=V} list (a default PATH is added when it has none); {@code shmSize} is the /dev/shm size in
 * bytes (0 = BuildKit's 64 MiB).
 */
public record ExecRequest(String id, Path rootfs, List<ContainerMount> mounts, List<String> args, List<String> env,
                          String cwd, String user, String hostname, List<HostIp> extraHosts, NetworkMode network,
                          SecurityMode security, List<Ulimit> ulimits, long shmSize, boolean readonlyRootfs) {

    public static final String DEFAULT_HOSTNAME = "buildkitsandbox";

    /** runc's rule for container ids, which BuildKit also enforces. */
    private static final Pattern VALID_ID = Pattern.compile("[A-Za-z0-9_+\\-.]{1,1024}");
    private static final Pattern VALID_HOSTNAME = Pattern.compile("[A-Za-z0-9_.\\-]{1,253}");

    public ExecRequest {
        if (id == null || !VALID_ID.matcher(id).matches() || id.equals(".") || id.equals("..")) {
            throw new KilnException(ErrorKind.INVALID_ARGUMENT, "invalid container id " + id);
        }
        if (rootfs == null || !rootfs.isAbsolute()) {
            throw new KilnException(ErrorKind.INVALID_ARGUMENT, "container " + id + " needs an absolute rootfs path");
        }
        if (args == null || args.isEmpty()) {
            throw new KilnException(ErrorKind.INVALID_ARGUMENT, "container " + id + " has no command to run");
        }
        mounts = List.copyOf(mounts == null ? List.of() : mounts);
        args = List.copyOf(args);
        env = List.copyOf(env == null ? List.of() : env);
        cwd = ContainerPaths.absolute(cwd == null || cwd.isEmpty() ? "/" : cwd, "working directory");
        user = user == null ? "" : user;
        hostname = hostname == null || hostname.isEmpty() ? DEFAULT_HOSTNAME : hostname;
        if (!VALID_HOSTNAME.matcher(hostname).matches()) {
            throw new KilnException(ErrorKind.INVALID_ARGUMENT, "invalid hostname " + hostname);
        }
        extraHosts = List.copyOf(extraHosts == null ? List.of() : extraHosts);
        network = network == null ? NetworkMode.SANDBOX : network;
        security = security == null ? SecurityMode.SANDBOX : security;
        ulimits = List.copyOf(ulimits == null ? List.of() : ulimits);
        if (shmSize < 0) {
            throw new KilnException(ErrorKind.INVALID_ARGUMENT, "negative /dev/shm size " + shmSize);
        }
    }

    public static Builder builder(String id, Path rootfs, List<String> args) {
        return new Builder(id, rootfs, args);
    }

    /** Defaults: no mounts or env, cwd /, root, buildkitsandbox, sandbox network and security. */
    public static final class Builder {
        private final String id;
        private final Path rootfs;
        private final List<String> args;
        private final List<ContainerMount> mounts = new ArrayList<>();
        private List<String> env = List.of();
        private String cwd = "/";
        private String user = "";
        private String hostname = DEFAULT_HOSTNAME;
        private final List<HostIp> extraHosts = new ArrayList<>();
        private NetworkMode network = NetworkMode.SANDBOX;
        private SecurityMode security = SecurityMode.SANDBOX;
        private final List<Ulimit> ulimits = new ArrayList<>();
        private long shmSize;
        private boolean readonlyRootfs;

        private Builder(String id, Path rootfs, List<String> args) {
            this.id = id;
            this.rootfs = rootfs;
            this.args = args;
        }

        public Builder mount(ContainerMount mount) {
            mounts.add(mount);
            return this;
        }

        public Builder env(List<String> value) {
            env = value;
            return this;
        }

        public Builder cwd(String value) {
            cwd = value;
            return this;
        }

        public Builder user(String value) {
            user = value;
            return this;
        }

        public Builder hostname(String value) {
            hostname = value;
            return this;
        }

        public Builder extraHost(String host, String ip) {
            extraHosts.add(new HostIp(host, ip));
            return this;
        }

        public Builder network(NetworkMode value) {
            network = value;
            return this;
        }

        public Builder security(SecurityMode value) {
            security = value;
            return this;
        }

        public Builder ulimit(String name, long soft, long hard) {
            ulimits.add(new Ulimit(name, soft, hard));
            return this;
        }

        public Builder shmSize(long bytes) {
            shmSize = bytes;
            return this;
        }

        public Builder readonlyRootfs(boolean value) {
            readonlyRootfs = value;
            return this;
        }

        public ExecRequest build() {
            return new ExecRequest(id, rootfs, mounts, args, env, cwd, user, hostname, extraHosts, network, security,
                    ulimits, shmSize, readonlyRootfs);
        }
    }
}
