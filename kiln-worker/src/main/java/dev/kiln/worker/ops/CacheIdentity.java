package dev.kiln.worker.ops;

import dev.kiln.core.Digest;
import dev.kiln.core.json.Json;
import dev.kiln.core.json.JsonWritable;
import dev.kiln.core.json.JsonWriter;
import dev.kiln.graph.Op;

/**
 * What an exec's or file op's cache key digest is taken over: the op as keyed (see ExecCacheMap) and the platform.
 * Unlike the node digest, the inputs are left out: they key the cache through the solver's dependencies instead.
 */
record CacheIdentity(Op op, String platform) implements JsonWritable {

    static Digest digest(Op op, String platform) {
        return Digest.sha256(Json.bytes(new CacheIdentity(op, platform)));
    }

    @Override
    public void writeJson(JsonWriter w) {
        w.beginObject().field("op", op).field("platform", platform).endObject();
    }
}
