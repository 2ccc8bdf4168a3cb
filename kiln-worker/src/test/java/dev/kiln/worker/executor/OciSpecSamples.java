package dev.kiln.worker.executor;

import dev.kiln.core.json.RandomValues;

/** Random runtime specs for the differential test of config.json: every field null, empty or set. */
final class OciSpecSamples {
    private final RandomValues v;

    OciSpecSamples(RandomValues values) {
        this.v = values;
    }

    OciSpec spec() {
        return new OciSpec(v.string(), v.nullable(this::process), v.nullable(() -> new OciSpec.Root(v.string(), v.chance(50))),
                v.string(), v.list(this::mount), v.nullable(this::linux));
    }

    private OciSpec.Process process() {
        return new OciSpec.Process(v.chance(50), v.nullable(() -> new OciSpec.User(v.anyLong(), v.anyLong(),
                v.list(v::anyLong))), v.strings(), v.strings(), v.string(), v.nullable(this::capabilities),
                v.list(() -> OciSpec.Rlimit.of(v.string(), v.anyLong(), v.anyLong())), v.chance(50));
    }

    private OciSpec.Capabilities capabilities() {
        return new OciSpec.Capabilities(v.strings(), v.strings(), v.strings(), v.strings(), v.strings());
    }

    private OciSpec.Mount mount() {
        return new OciSpec.Mount(v.string(), v.string(), v.string(), v.strings());
    }

    private OciSpec.Linux linux() {
        return new OciSpec.Linux(v.list(() -> new OciSpec.Namespace(v.string())),
                v.list(() -> new OciSpec.Device(v.string(), v.string(), v.anyLong(), v.anyLong())), v.string(),
                v.nullable(() -> new OciSpec.Resources(v.list(() -> new OciSpec.DeviceRule(v.chance(50), v.string(),
                        v.string())))), v.strings(), v.strings());
    }
}
