package dev.kiln.cli.debug;

import dev.kiln.core.SourceLocation;
import dev.kiln.core.json.RandomValues;
import dev.kiln.core.json.SameJson;
import dev.kiln.graph.Graph;
import dev.kiln.graph.GraphJackson;
import dev.kiln.graph.GraphSamples;
import dev.kiln.graph.Node;
import dev.kiln.graph.NodeMeta;
import dev.kiln.graph.Output;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** {@code kiln debug llb} output is what Jackson's default pretty printer wrote for the graph. */
class GraphJsonTest {
    private static Graph graph(RandomValues v) {
        GraphSamples g = new GraphSamples(v);
        Graph.Builder b = Graph.builder();
        List<Node> nodes = new ArrayList<>();
        for (int i = v.random().nextInt(5); i > 0; i--) {
            List<Output> inputs = new ArrayList<>();
            nodes.stream().filter(n -> v.chance(40)).forEach(n -> inputs.add(n.output(v.random().nextInt(2))));
            NodeMeta meta = v.nullable(() -> new NodeMeta(v.string(), v.nullable(() -> {
                int start = v.random().nextInt(100);
                return new SourceLocation(v.string(), start, start + v.random().nextInt(3));
            }), v.chance(50)));
            nodes.add(b.add(g.op(), inputs, g.platform(), meta));
        }
        return b.build(nodes.isEmpty() || v.chance(10) ? null : nodes.getLast().output(0));
    }

    @Test
    void writtenAsJacksonsPrettyPrinterWroteIt() {
        for (int seed = 0; seed < 1000; seed++) {
            Graph graph = graph(new RandomValues(seed));
            List<GraphJson.Entry> nodes = graph.reachable().stream().map(n -> new GraphJson.Entry(n.digest().toString(),
                    n.op(), n.inputs().stream().map(GraphJson.Ref::of).toList(), n.platform(), n.meta().name(),
                    n.meta().location(), n.meta().ignoreCache())).toList();
            GraphJson.Dump dump = new GraphJson.Dump(GraphJson.Ref.of(graph.result()), nodes);
            SameJson.assertSame(GraphJson.render(graph).getBytes(StandardCharsets.UTF_8),
                    GraphJackson.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(dump), "graph " + seed);
        }
    }
}
