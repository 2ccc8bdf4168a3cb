package dev.kiln.frontend.dockerfile.convert;

import dev.kiln.graph.ExecMeta;
import dev.kiln.graph.ExecMount;
import dev.kiln.graph.ExecOp;
import dev.kiln.graph.NodeMeta;
import dev.kiln.graph.Op;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * A RUN step. Filesystem mounts are ordered by destination (so the root comes first), secret and ssh
 * mounts follow in the order written, as BuildKit marshals an exec.
 */
record ExecVertex(ExecMeta process, List<MountPlan> mounts, String network, String security,
                  List<ExecOp.SecretEnv> secretEnv, String platform, NodeMeta meta) implements Vertex {

    ExecVertex {
        mounts = ordered(mounts);
        secretEnv = List.copyOf(secretEnv);
    }

    /** The root filesystem this step changes. */
    Ref root() {
        return new Ref(this, 0);
    }

    @Override
    public List<Ref> inputs() {
        List<Ref> refs = new ArrayList<>();
        for (MountPlan m : mounts) {
            refs.add(m.source());
        }
        return refs;
    }

    @Override
    public Op op(Function<Ref, Integer> inputIndex) {
        List<ExecMount> written = new ArrayList<>();
        int nextOutput = 0;
        for (MountPlan m : mounts) {
            int output = m.hasOutput() ? nextOutput++ : ExecMount.NO_OUTPUT;
            written.add(m.write(inputIndex.apply(m.source()), output));
        }
        return new ExecOp(process, written, network, security, secretEnv);
    }

    private static List<MountPlan> ordered(List<MountPlan> mounts) {
        List<MountPlan> files = new ArrayList<>();
        List<MountPlan> sockets = new ArrayList<>();
        for (MountPlan m : mounts) {
            boolean socket = m.type() == ExecMount.MountType.SECRET || m.type() == ExecMount.MountType.SSH;
            (socket ? sockets : files).add(m);
        }
        files.sort(Comparator.comparing(MountPlan::dest));
        files.addAll(sockets);
        return List.copyOf(files);
    }
}
