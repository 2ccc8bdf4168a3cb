package dev.kiln.cli.debug;

import dev.kiln.core.SourceLocation;
import dev.kiln.core.json.Json;
import dev.kiln.core.json.JsonWritable;
import dev.kiln.core.json.JsonWriter;
import dev.kiln.graph.Graph;
import dev.kiln.graph.Node;
import dev.kiln.graph.Op;
import dev.kiln.graph.Output;

import java.util.List;

/** A build graph as stable, readable JSON: the result and the nodes it needs, inputs first. */
final class GraphJson {
    private GraphJson() {
    }

    record Ref(String node, int index) implements JsonWritable {
        static Ref of(Output o) {
            return o == null ? null : new Ref(o.node().toString(), o.index());
        }

        @Override
        public void writeJson(JsonWriter w) {
            w.beginObject().field("node", node).field("index", index).endObject();
        }
    }

    record Entry(String digest, Op op, List<Ref> inputs, String platform, String name, SourceLocation location,
                 boolean ignoreCache) implements JsonWritable {
        @Override
        public void writeJson(JsonWriter w) {
            w.beginObject().field("digest", digest).field("op", op).field("inputs", inputs).field("platform", platform)
                    .field("name", name).field("location", json(location)).field("ignoreCache", ignoreCache)
                    .endObject();
        }

        private static JsonWritable json(SourceLocation l) {
            return l == null ? null : w -> w.beginObject().field("file", l.file()).field("startLine", l.startLine())
                    .field("endLine", l.endLine()).endObject();
        }
    }

    record Dump(Ref result, List<Entry> nodes) implements JsonWritable {
        @Override
        public void writeJson(JsonWriter w) {
            w.beginObject().field("result", result).field("nodes", nodes).endObject();
        }
    }

    static String render(Graph graph) {
        List<Entry> nodes = graph.reachable().stream().map(GraphJson::entry).toList();
        return Json.pretty(new Dump(Ref.of(graph.result()), nodes));
    }

    private static Entry entry(Node n) {
        return new Entry(n.digest().toString(), n.op(), n.inputs().stream().map(Ref::of).toList(), n.platform(),
                n.meta().name(), n.meta().location(), n.meta().ignoreCache());
    }
}
