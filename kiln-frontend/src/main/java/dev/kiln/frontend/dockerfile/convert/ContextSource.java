package dev.kiln.frontend.dockerfile.convert;

import dev.kiln.core.json.Json;
import dev.kiln.graph.NodeMeta;
import dev.kiln.graph.Op;
import dev.kiln.graph.SourceOp;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The build context ({@code local://context}). Like BuildKit's main context it is completed only after
 * every stage is converted: the paths the build reads from it become {@code local.followpaths}, so a
 * build that copies one file needs only that file.
 */
final class ContextSource implements Vertex {
    static final NodeMeta META = new NodeMeta("[internal] load build context", null, false);

    private final String name;
    private final List<String> excludePatterns;
    private final TreeSet<String> usedPaths = new TreeSet<>();

    ContextSource(String name, List<String> excludePatterns) {
        this.name = name;
        this.excludePatterns = List.copyOf(excludePatterns);
    }

    /** Records that the build reads {@code path} (absolute, as in the Dockerfile) from the context. */
    void use(String path) {
        usedPaths.add(path);
    }

    @Override
    public List<Ref> inputs() {
        return List.of();
    }

    @Override
    public Op op(Function<Ref, Integer> inputIndex) {
        Map<String, String> attrs = new TreeMap<>();
        attrs.put("local.sharedkeyhint", name);
        if (!excludePatterns.isEmpty()) {
            attrs.put("local.excludepatterns", Json.string(excludePatterns));
        }
        List<String> follow = followPaths();
        if (!follow.isEmpty()) {
            attrs.put("local.followpaths", Json.string(follow));
        }
        return new SourceOp(SourceOp.LOCAL_SCHEME + name, attrs);
    }

    /** The used paths relative to the context root, sorted; none when the whole context is used. */
    private List<String> followPaths() {
        if (usedPaths.contains("/")) {
            return List.of();
        }
        return usedPaths.stream().map(p -> GoPath.join(".", p)).sorted().distinct().toList();
    }

    @Override
    public String platform() {
        return null;
    }

    @Override
    public NodeMeta meta() {
        return META;
    }
}
