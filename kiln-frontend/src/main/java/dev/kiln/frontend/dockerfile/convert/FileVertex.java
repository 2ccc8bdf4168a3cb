package dev.kiln.frontend.dockerfile.convert;

import dev.kiln.graph.FileAction;
import dev.kiln.graph.FileOp;
import dev.kiln.graph.NodeMeta;
import dev.kiln.graph.Op;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** File actions applied on {@code base}: copies (each from its own source) and mkdir/mkfile. */
record FileVertex(Ref base, List<ActionSpec> actions, String platform, NodeMeta meta) implements Vertex {

    FileVertex {
        actions = List.copyOf(actions);
    }

    /** One action; a copy names the vertex output it reads. */
    sealed interface ActionSpec permits CopySpec, Plain {
    }

    record CopySpec(Ref source, CopyAction copy) implements ActionSpec {
    }

    record Plain(FileAction action) implements ActionSpec {
    }

    Ref result() {
        return new Ref(this, 0);
    }

    @Override
    public List<Ref> inputs() {
        List<Ref> refs = new ArrayList<>();
        refs.add(base);
        for (ActionSpec a : actions) {
            if (a instanceof CopySpec c) {
                refs.add(c.source());
            }
        }
        return refs;
    }

    @Override
    public Op op(Function<Ref, Integer> inputIndex) {
        List<FileAction> written = new ArrayList<>();
        for (ActionSpec a : actions) {
            written.add(switch (a) {
                case CopySpec c -> c.copy().toAction(inputIndex.apply(c.source()));
                case Plain p -> p.action();
            });
        }
        return new FileOp(inputIndex.apply(base), written);
    }
}
