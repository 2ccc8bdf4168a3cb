package dev.kiln.cli.debug;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.kiln.core.SourceLocation;
import dev.kiln.core.json.Json;
import dev.kiln.graph.Graph;
import dev.kiln.graph.Node;
import dev.kiln.graph.Op;
import dev.kiln.graph.Output;

import java.util.List;

/** A build graph as stable, readable JSON: the result and the nodes it needs, inputs first. */
final class GraphJson {
    private GraphJson() {
    }

    record Ref(@JsonProperty("node") String node, @JsonProperty("index") int index) {
        static Ref of(Output o) {
            return o == null ? null : new Ref(o.node().toString(), o.index());
        }
    }

    record Entry(@JsonProperty("digest") String digest, @JsonProperty("op") Op op,
                 @JsonProperty("inputs") List<Ref> inputs, @JsonProperty("platform") String platform,
                 @JsonProperty("name") String name, @JsonProperty("location") SourceLocation location,
                 @JsonProperty("ignoreCache") boolean ignoreCache) {
    }

    record Dump(@JsonProperty("result") Ref result, @JsonProperty("nodes") List<Entry> nodes) {
    }

    static String render(Graph graph) {
        List<Entry> nodes = graph.reachable().stream().map(GraphJson::entry).toList();
        return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(
                new Dump(Ref.of(graph.result()), nodes));
    }

    private static Entry entry(Node n) {
        return new Entry(n.digest().toString(), n.op(), n.inputs().stream().map(Ref::of).toList(), n.platform(),
                n.meta().name(), n.meta().location(), n.meta().ignoreCache());
    }
}
