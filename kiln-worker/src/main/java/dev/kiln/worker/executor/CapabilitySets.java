package dev.kiln.worker.executor;

import java.util.List;

/** The capability sets BuildKit gives a build step, limited to what the host can grant. */
final class CapabilitySets {

    /** Linux capability names indexed by bit number, up to CAP_AUDIT_READ (BuildKit's insecure list). */
    private static final List<String> BY_BIT = List.of(
            "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_DAC_READ_SEARCH", "CAP_FOWNER", "CAP_FSETID", "CAP_KILL",
            "CAP_SETGID", "CAP_SETUID", "CAP_SETPCAP", "CAP_LINUX_IMMUTABLE", "CAP_NET_BIND_SERVICE",
            "CAP_NET_BROADCAST", "CAP_NET_ADMIN", "CAP_NET_RAW", "CAP_IPC_LOCK", "CAP_IPC_OWNER", "CAP_SYS_MODULE",
            "CAP_SYS_RAWIO", "CAP_SYS_CHROOT", "CAP_SYS_PTRACE", "CAP_SYS_PACCT", "CAP_SYS_ADMIN", "CAP_SYS_BOOT",
            "CAP_SYS_NICE", "CAP_SYS_RESOURCE", "CAP_SYS_TIME", "CAP_SYS_TTY_CONFIG", "CAP_MKNOD", "CAP_LEASE",
            "CAP_AUDIT_WRITE", "CAP_AUDIT_CONTROL", "CAP_SETFCAP", "CAP_MAC_OVERRIDE", "CAP_MAC_ADMIN",
            "CAP_SYSLOG", "CAP_WAKE_ALARM", "CAP_BLOCK_SUSPEND", "CAP_AUDIT_READ");

    /**
     * containerd 1.x's default set, which BuildKit keeps (CapBnd 0xa80425fb in its sandbox test);
     * containerd 2.0 dropped MKNOD, NET_RAW, SETFCAP, SYS_CHROOT and AUDIT_WRITE from its own default.
     */
    private static final List<String> DEFAULT = List.of(
            "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_FSETID", "CAP_FOWNER", "CAP_MKNOD", "CAP_NET_RAW", "CAP_SETGID",
            "CAP_SETUID", "CAP_SETFCAP", "CAP_SETPCAP", "CAP_NET_BIND_SERVICE", "CAP_SYS_CHROOT", "CAP_KILL",
            "CAP_AUDIT_WRITE");

    private CapabilitySets() {
    }

    static OciSpec.Capabilities forMode(SecurityMode mode, HostFacts host) {
        if (mode == SecurityMode.INSECURE) {
            List<String> all = grantable(BY_BIT, host);
            return new OciSpec.Capabilities(all, all, all, all, all);
        }
        List<String> caps = grantable(DEFAULT, host);
        return new OciSpec.Capabilities(caps, caps, List.of(), caps, List.of());
    }

    /** Asking runc for a capability outside our bounding set makes the container fail to start. */
    private static List<String> grantable(List<String> wanted, HostFacts host) {
        return wanted.stream().filter(name -> host.hasCapability(BY_BIT.indexOf(name))).toList();
    }
}
