package dev.kiln.worker.executor;

import dev.kiln.core.json.JsonWritable;
import dev.kiln.core.json.JsonWriter;

import java.math.BigInteger;
import java.util.List;

/**
 * The subset of the OCI runtime specification (config.json) that Kiln writes. Component names are the JSON field
 * names; empty values are left out, which the spec treats as unset.
 */
record OciSpec(String ociVersion, Process process, Root root, String hostname, List<Mount> mounts, Linux linux)
        implements JsonWritable {

    static final String VERSION = "1.0.2";

    @Override
    public void writeJson(JsonWriter w) {
        w.beginObject().field("ociVersion", ociVersion).field("process", process).field("root", root)
                .field("hostname", hostname).field("mounts", mounts).field("linux", linux).endObject();
    }

    record Process(boolean terminal, User user, List<String> args, List<String> env, String cwd,
                   Capabilities capabilities, List<Rlimit> rlimits, boolean noNewPrivileges) implements JsonWritable {
        @Override
        public void writeJson(JsonWriter w) {
            w.beginObject().field("terminal", terminal).field("user", user).field("args", args).field("env", env)
                    .field("cwd", cwd).field("capabilities", capabilities).field("rlimits", rlimits)
                    .field("noNewPrivileges", noNewPrivileges).endObject();
        }
    }

    record User(long uid, long gid, List<Long> additionalGids) implements JsonWritable {
        @Override
        public void writeJson(JsonWriter w) {
            w.beginObject().field("uid", uid).field("gid", gid).field("additionalGids", additionalGids).endObject();
        }
    }

    record Capabilities(List<String> bounding, List<String> effective, List<String> inheritable,
                        List<String> permitted, List<String> ambient) implements JsonWritable {
        @Override
        public void writeJson(JsonWriter w) {
            w.beginObject().field("bounding", bounding).field("effective", effective)
                    .field("inheritable", inheritable).field("permitted", permitted).field("ambient", ambient)
                    .endObject();
        }
    }

    /** Limits are unsigned 64-bit in the spec ({@code RLIM_INFINITY} is 2^64-1), hence BigInteger. */
    record Rlimit(String type, BigInteger hard, BigInteger soft) implements JsonWritable {
        static Rlimit of(String type, long unsignedHard, long unsignedSoft) {
            return new Rlimit(type, new BigInteger(Long.toUnsignedString(unsignedHard)),
                    new BigInteger(Long.toUnsignedString(unsignedSoft)));
        }

        @Override
        public void writeJson(JsonWriter w) {
            w.beginObject().field("type", type).field("hard", hard).field("soft", soft).endObject();
        }
    }

    record Root(String path, boolean readonly) implements JsonWritable {
        @Override
        public void writeJson(JsonWriter w) {
            w.beginObject().field("path", path).field("readonly", readonly).endObject();
        }
    }

    record Mount(String destination, String type, String source, List<String> options) implements JsonWritable {
        @Override
        public void writeJson(JsonWriter w) {
            w.beginObject().field("destination", destination).field("type", type).field("source", source)
                    .field("options", options).endObject();
        }
    }

    record Linux(List<Namespace> namespaces, List<Device> devices, String cgroupsPath, Resources resources,
                 List<String> maskedPaths, List<String> readonlyPaths) implements JsonWritable {
        @Override
        public void writeJson(JsonWriter w) {
            w.beginObject().field("namespaces", namespaces).field("devices", devices).field("cgroupsPath", cgroupsPath)
                    .field("resources", resources).field("maskedPaths", maskedPaths)
                    .field("readonlyPaths", readonlyPaths).endObject();
        }
    }

    record Namespace(String type) implements JsonWritable {
        @Override
        public void writeJson(JsonWriter w) {
            w.beginObject().field("type", type).endObject();
        }
    }

    record Device(String path, String type, long major, long minor) implements JsonWritable {
        @Override
        public void writeJson(JsonWriter w) {
            w.beginObject().field("path", path).field("type", type).field("major", major).field("minor", minor)
                    .endObject();
        }
    }

    record Resources(List<DeviceRule> devices) implements JsonWritable {
        @Override
        public void writeJson(JsonWriter w) {
            w.beginObject().field("devices", devices).endObject();
        }
    }

    record DeviceRule(boolean allow, String type, String access) implements JsonWritable {
        @Override
        public void writeJson(JsonWriter w) {
            w.beginObject().field("allow", allow).field("type", type).field("access", access).endObject();
        }
    }
}
