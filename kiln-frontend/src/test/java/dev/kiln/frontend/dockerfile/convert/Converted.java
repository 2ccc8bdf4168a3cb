package dev.kiln.frontend.dockerfile.convert;

import dev.kiln.core.oci.ImageConfig;
import dev.kiln.graph.ExecOp;
import dev.kiln.graph.FileAction;
import dev.kiln.graph.FileOp;
import dev.kiln.graph.Node;
import dev.kiln.graph.SourceOp;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.UnaryOperator;

/** Test helper: converts Dockerfile text with the stub registry and gives easy access to the result. */
record Converted(ConvertResult result) {

    static Converted of(String dockerfile) {
        return of(dockerfile, b -> b);
    }

    static Converted of(String dockerfile, UnaryOperator<ConvertRequest.Builder> options) {
        ConvertRequest.Builder b = ConvertRequest.builder(dockerfile.getBytes(StandardCharsets.UTF_8))
                .resolver(new StubImages());
        return new Converted(DockerfileConverter.convert(options.apply(b).build()));
    }

    List<Node> nodes() {
        return result.graph().reachable();
    }

    List<ExecOp> execs() {
        return nodes().stream().filter(n -> n.op() instanceof ExecOp).map(n -> (ExecOp) n.op()).toList();
    }

    ExecOp exec(int i) {
        return execs().get(i);
    }

    List<FileAction> fileActions() {
        return nodes().stream().filter(n -> n.op() instanceof FileOp).flatMap(n -> ((FileOp) n.op()).actions().stream())
                .toList();
    }

    List<String> sources() {
        return nodes().stream().filter(n -> n.op() instanceof SourceOp).map(n -> ((SourceOp) n.op()).identifier())
                .toList();
    }

    List<String> names() {
        return nodes().stream().map(n -> n.meta().name()).toList();
    }

    ImageConfig image() {
        return result.image();
    }

    List<String> history() {
        return image().history().stream().map(ImageConfig.History::createdBy).toList();
    }
}
