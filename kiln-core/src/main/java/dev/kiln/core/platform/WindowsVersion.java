package dev.kiln.core.platform;

/**
 * A Windows {@code major.minor.build} OS version and the host/container compatibility rule containerd applies:
 * before Windows Server 2022 (build 20348) builds must be equal; from it on, a host runs containers from
 * 20348 up to its own build.
 */
record WindowsVersion(int major, int minor, int build) {
    private static final int SERVER_2022 = 20348;
    static final WindowsVersion NONE = new WindowsVersion(0, 0, 0);

    /** Parses the first three dotted numbers; anything unparsable gives {@link #NONE}. */
    static WindowsVersion parse(String version) {
        String[] parts = version.split("\\.", 4);
        if (parts.length < 3) {
            return NONE;
        }
        int major = unsigned(parts[0], 0xFF);
        int minor = unsigned(parts[1], 0xFF);
        int build = unsigned(parts[2], 0xFFFF);
        return major < 0 || minor < 0 || build < 0 ? NONE : new WindowsVersion(major, minor, build);
    }

    /** Whether a container declaring {@code containerVersion} runs on this host version (empty matches all). */
    boolean runs(String containerVersion) {
        if (equals(NONE) || containerVersion.isEmpty()) {
            return true;
        }
        WindowsVersion ctr = parse(containerVersion);
        if (major != ctr.major || minor != ctr.minor) {
            return false;
        }
        if (build < SERVER_2022) {
            return build == ctr.build;
        }
        return ctr.build >= SERVER_2022 && ctr.build <= build;
    }

    /** Go's ParseUint for a bounded size: ASCII digits only, -1 when invalid or too large. */
    private static int unsigned(String s, int max) {
        if (s.isEmpty() || s.length() > 6) {
            return -1;
        }
        int value = 0;
        for (char c : s.toCharArray()) {
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value <= max ? value : -1;
    }
}
