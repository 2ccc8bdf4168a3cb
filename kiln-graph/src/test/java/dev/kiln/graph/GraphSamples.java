package dev.kiln.graph;

import dev.kiln.core.Digest;
import dev.kiln.core.json.RandomValues;

import java.util.List;

/** Random ops for differential JSON tests of the bytes node digests and cache keys are taken over. */
public final class GraphSamples {
    private final RandomValues v;

    public GraphSamples(RandomValues values) {
        this.v = values;
    }

    public Op op() {
        return switch (v.random().nextInt(3)) {
            case 0 -> sourceOp();
            case 1 -> execOp();
            default -> fileOp();
        };
    }

    public SourceOp sourceOp() {
        String scheme = v.pick(List.of(SourceOp.LOCAL_SCHEME, SourceOp.IMAGE_SCHEME, ""));
        return new SourceOp(scheme + v.nonNullString(), v.nonNullStringMap());
    }

    public ExecOp execOp() {
        return new ExecOp(execMeta(), v.nonNullList(this::execMount), v.string(), v.string(),
                v.nonNullList(() -> new ExecOp.SecretEnv(v.string(), v.string(), v.chance(50))));
    }

    public ExecMeta execMeta() {
        return new ExecMeta(v.nonNullList(v::nonNullString), v.nonNullList(v::nonNullString), v.string(), v.string(),
                v.string(), v.nonNullList(() -> new ExecMeta.HostIp(v.string(), v.string())),
                v.nonNullList(() -> new ExecMeta.Ulimit(v.string(), v.anyLong(), v.anyLong())),
                v.nonNullList(v::nonNullString));
    }

    public ExecMount execMount() {
        return new ExecMount(v.anyInt(), v.string(), v.string(), v.anyInt(), v.chance(50),
                v.nullable(() -> v.pick(List.of(ExecMount.MountType.values()))),
                v.nullable(() -> new ExecMount.CacheOpt(v.string(), v.nullable(() -> v.pick(List.of(ExecMount.Sharing.values()))))),
                v.nullable(() -> new ExecMount.TmpfsOpt(v.anyLong())),
                v.nullable(() -> new ExecMount.SecretOpt(v.string(), v.anyInt(), v.anyInt(), v.anyInt(), v.chance(50))),
                v.nullable(() -> new ExecMount.SshOpt(v.string(), v.anyInt(), v.anyInt(), v.anyInt(), v.chance(50))));
    }

    public FileOp fileOp() {
        return new FileOp(v.anyInt(), v.nonNullList(this::fileAction));
    }

    public FileAction fileAction() {
        return switch (v.random().nextInt(5)) {
            case 0 -> copy();
            case 1 -> new FileAction.Mkdir(v.string(), v.anyInt(), v.chance(50), owner(), v.boxedLong());
            case 2 -> new FileAction.Mkfile(v.string(), v.anyInt(), v.bytes(), owner(), v.boxedLong());
            case 3 -> new FileAction.Rm(v.string(), v.chance(50), v.chance(50));
            default -> new FileAction.Symlink(v.string(), v.string(), owner(), v.boxedLong());
        };
    }

    private FileAction.Copy copy() {
        return new FileAction.Copy(v.anyInt(), v.string(), v.string(), owner(), v.boxedInt(), v.string(), v.chance(50),
                v.chance(50), v.chance(50), v.chance(50), v.chance(50), v.chance(50), v.strings(), v.strings(),
                v.chance(50), v.boxedLong());
    }

    private FileAction.Owner owner() {
        return v.nullable(() -> new FileAction.Owner(v.string(), v.string()));
    }

    public Output output() {
        return new Output(Digest.sha256(Long.toString(v.anyLong())), v.anyInt());
    }

    public String platform() {
        return v.chance(80) ? v.pick(List.of("linux/amd64", "linux/arm64", "linux/arm/v7")) : v.string();
    }
}
