package dev.kiln.worker.executor;

import java.math.BigInteger;
import java.util.List;

/**
 * The subset of the OCI runtime specification (config.json) that Kiln writes. Component names are the
 * JSON field names; the project's mapper omits empty values, which the spec treats as unset.
 */
record OciSpec(String ociVersion, Process process, Root root, String hostname, List<Mount> mounts, Linux linux) {

    static final String VERSION = "1.0.2";

    record Process(boolean terminal, User user, List<String> args, List<String> env, String cwd,
                   Capabilities capabilities, List<Rlimit> rlimits, boolean noNewPrivileges) {
    }

    record User(long uid, long gid, List<Long> additionalGids) {
    }

    record Capabilities(List<String> bounding, List<String> effective, List<String> inheritable,
                        List<String> permitted, List<String> ambient) {
    }

    /** Limits are unsigned 64-bit in the spec ({@code RLIM_INFINITY} is 2^64-1), hence BigInteger. */
    record Rlimit(String type, BigInteger hard, BigInteger soft) {
        static Rlimit of(String type, long unsignedHard, long unsignedSoft) {
            return new Rlimit(type, new BigInteger(Long.toUnsignedString(unsignedHard)),
                    new BigInteger(Long.toUnsignedString(unsignedSoft)));
        }
    }

    record Root(String path, boolean readonly) {
    }

    record Mount(String destination, String type, String source, List<String> options) {
    }

    record Linux(List<Namespace> namespaces, List<Device> devices, String cgroupsPath, Resources resources,
                 List<String> maskedPaths, List<String> readonlyPaths) {
    }

    record Namespace(String type) {
    }

    record Device(String path, String type, long major, long minor) {
    }

    record Resources(List<DeviceRule> devices) {
    }

    record DeviceRule(boolean allow, String type, String access) {
    }
}
