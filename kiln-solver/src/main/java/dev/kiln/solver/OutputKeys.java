package dev.kiln.solver;

import dev.kiln.core.Digest;
import dev.kiln.solver.cache.CacheLink;

import java.util.ArrayList;
import java.util.List;

/**
 * The cache keys of a vertex's outputs and what they were made of. A volatile vertex (or one whose
 * key would depend on a volatile input) has no keys: it always runs and is never recorded.
 *
 * <p>key(output) = sha256 of the op's definition digest, then per input its definition key or,
 * when the op asked for it, the content digest of the built input, each with its selector, then the
 * output index.
 */
record OutputKeys(Digest op, List<Part> parts, List<Digest> keys) {
    static final OutputKeys VOLATILE = new OutputKeys(null, List.of(), List.of());

    /** One input's contribution: its definition key or a content digest, and the op's selector on it. */
    record Part(Digest value, boolean content, Digest selector) {
    }

    static OutputKeys compute(Digest op, List<Part> parts, int outputs) {
        StringBuilder base = new StringBuilder("kiln.cachekey.v1\nop ").append(op).append('\n');
        for (int i = 0; i < parts.size(); i++) {
            Part p = parts.get(i);
            base.append("in ").append(i).append(p.content() ? " content " : " key ").append(p.value())
                    .append(' ').append(p.selector() == null ? "-" : p.selector()).append('\n');
        }
        List<Digest> keys = new ArrayList<>(outputs);
        for (int o = 0; o < outputs; o++) {
            keys.add(Digest.sha256(base + "out " + o + "\n"));
        }
        return new OutputKeys(op, List.copyOf(parts), List.copyOf(keys));
    }

    boolean isVolatile() {
        return op == null;
    }

    Digest key(int output) {
        return isVolatile() ? null : keys.get(output);
    }

    List<CacheLink> links(int output) {
        List<CacheLink> links = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            links.add(new CacheLink(parts.get(i).value(), i, parts.get(i).selector(), op, keys.get(output)));
        }
        return links;
    }
}
