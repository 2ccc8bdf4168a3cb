package dev.kiln.worker.executor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Builds the runtime spec of a build step: containerd's default Linux spec as BuildKit adjusts it
 * (new privileges allowed, no /run tmpfs, read-only cgroupfs, hosts and resolv.conf bound in).
 * Not done: seccomp (BuildKit applies Docker's default profile in sandbox mode), AppArmor, SELinux.
 */
final class OciSpecBuilder {
    static final String DEFAULT_PATH = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    private static final long DEFAULT_SHM_BYTES = 64L << 20;
    private static final List<String> MASKED_PATHS = List.of("/proc/acpi", "/proc/asound", "/proc/kcore",
            "/proc/keys", "/proc/latency_stats", "/proc/timer_list", "/proc/timer_stats", "/proc/sched_debug",
            "/sys/firmware", "/sys/devices/virtual/powercap", "/proc/scsi");
    private static final List<String> READONLY_PATHS = List.of("/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys",
            "/proc/sysrq-trigger");
    /** Device nodes BuildKit adds in insecure mode (loop devices: a fixed 0-7 instead of probing). */
    private static final List<OciSpec.Device> INSECURE_DEVICES = insecureDevices();

    private final HostFacts host;

    OciSpecBuilder(HostFacts host) {
        this.host = host;
    }

    /** {@code cgroupsPath} is relative, so runc nests it under its own cgroup in every hierarchy. */
    OciSpec build(ExecRequest request, ResolvedUser user, Path hostsFile, Path resolvConf, String cgroupsPath) {
        boolean insecure = request.security() == SecurityMode.INSECURE;
        OciSpec.Process process = new OciSpec.Process(false,
                new OciSpec.User(user.uid(), user.gid(), user.additionalGids()),
                request.args(), withDefaultPath(request.env()), request.cwd(),
                CapabilitySets.forMode(request.security(), host),
                Rlimits.forContainer(request.ulimits(), host), false);
        OciSpec.Linux linux = new OciSpec.Linux(namespaces(request.network()),
                insecure ? INSECURE_DEVICES : List.of(), cgroupsPath,
                new OciSpec.Resources(insecure ? List.of(new OciSpec.DeviceRule(true, "c", "rwm"),
                        new OciSpec.DeviceRule(true, "b", "rwm")) : List.of(new OciSpec.DeviceRule(false, null, "rwm"))),
                insecure ? List.of() : MASKED_PATHS, insecure ? List.of() : READONLY_PATHS);
        return new OciSpec(OciSpec.VERSION, process,
                new OciSpec.Root(request.rootfs().toString(), request.readonlyRootfs()),
                request.hostname(), mounts(request, hostsFile, resolvConf), linux);
    }

    static List<String> withDefaultPath(List<String> env) {
        if (env.stream().anyMatch(e -> e.startsWith("PATH="))) {
            return env;
        }
        List<String> withPath = new ArrayList<>(env);
        withPath.add(DEFAULT_PATH);
        return withPath;
    }

    private static List<OciSpec.Namespace> namespaces(NetworkMode network) {
        List<OciSpec.Namespace> namespaces = new ArrayList<>(List.of(new OciSpec.Namespace("pid"),
                new OciSpec.Namespace("ipc"), new OciSpec.Namespace("uts"), new OciSpec.Namespace("mount")));
        if (network == NetworkMode.NONE) {
            // runc brings up loopback in a network namespace it creates, and nothing else.
            namespaces.add(new OciSpec.Namespace("network"));
        }
        return namespaces;
    }

    /** Standard mounts first; a request mount on the same destination replaces the standard one. */
    private static List<OciSpec.Mount> mounts(ExecRequest request, Path hostsFile, Path resolvConf) {
        boolean insecure = request.security() == SecurityMode.INSECURE;
        long shm = request.shmSize() > 0 ? request.shmSize() : DEFAULT_SHM_BYTES;
        List<OciSpec.Mount> standard = List.of(
                new OciSpec.Mount("/proc", "proc", "proc", List.of("nosuid", "noexec", "nodev")),
                new OciSpec.Mount("/dev", "tmpfs", "tmpfs", List.of("nosuid", "strictatime", "mode=755", "size=65536k")),
                new OciSpec.Mount("/dev/pts", "devpts", "devpts",
                        List.of("nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620", "gid=5")),
                new OciSpec.Mount("/dev/shm", "tmpfs", "shm",
                        List.of("nosuid", "noexec", "nodev", "mode=1777", "size=" + kibibytes(shm) + "k")),
                new OciSpec.Mount("/dev/mqueue", "mqueue", "mqueue", List.of("nosuid", "noexec", "nodev")),
                new OciSpec.Mount("/sys", "sysfs", "sysfs", readonlyUnless(insecure, "nosuid", "noexec", "nodev")),
                new OciSpec.Mount("/sys/fs/cgroup", "cgroup", "cgroup",
                        readonlyUnless(insecure, "nosuid", "noexec", "nodev")),
                readonlyBind("/etc/resolv.conf", resolvConf),
                readonlyBind("/etc/hosts", hostsFile));
        Set<String> replaced = request.mounts().stream().map(ContainerMount::destination).collect(Collectors.toSet());
        List<OciSpec.Mount> all = new ArrayList<>();
        standard.stream().filter(m -> !replaced.contains(m.destination())).forEach(all::add);
        request.mounts().stream().map(OciSpecBuilder::toOci).forEach(all::add);
        return all;
    }

    private static OciSpec.Mount toOci(ContainerMount mount) {
        return switch (mount.type()) {
            case BIND -> new OciSpec.Mount(mount.destination(), "bind", mount.source().toString(),
                    mount.readonly() ? List.of("rbind", "ro") : List.of("rbind"));
            case TMPFS -> new OciSpec.Mount(mount.destination(), "tmpfs", "tmpfs",
                    mount.tmpfsSize() > 0 ? List.of("nosuid", "size=" + mount.tmpfsSize()) : List.of("nosuid"));
        };
    }

    private static OciSpec.Mount readonlyBind(String destination, Path source) {
        return new OciSpec.Mount(destination, "bind", source.toString(),
                List.of("nosuid", "noexec", "nodev", "rbind", "ro"));
    }

    private static List<String> readonlyUnless(boolean writable, String... options) {
        List<String> all = new ArrayList<>(List.of(options));
        all.add(writable ? "rw" : "ro");
        return all;
    }

    private static long kibibytes(long bytes) {
        return (bytes + 1023) / 1024;
    }

    private static List<OciSpec.Device> insecureDevices() {
        List<OciSpec.Device> devices = new ArrayList<>(List.of(new OciSpec.Device("/dev/kmsg", "c", 1, 11),
                new OciSpec.Device("/dev/cuse", "c", 10, 203), new OciSpec.Device("/dev/fuse", "c", 10, 229),
                new OciSpec.Device("/dev/kvm", "c", 10, 232), new OciSpec.Device("/dev/net/tun", "c", 10, 200),
                new OciSpec.Device("/dev/loop-control", "c", 10, 237)));
        for (int i = 0; i < 8; i++) {
            devices.add(new OciSpec.Device("/dev/loop" + i, "b", 7, i));
        }
        return List.copyOf(devices);
    }
}
