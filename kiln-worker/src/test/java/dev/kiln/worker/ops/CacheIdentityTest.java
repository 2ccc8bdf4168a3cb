package dev.kiln.worker.ops;

import dev.kiln.core.Digest;
import dev.kiln.core.json.RandomValues;
import dev.kiln.graph.GraphJackson;
import dev.kiln.graph.GraphSamples;
import dev.kiln.graph.Op;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Cache keys of execs and file ops are taken over the bytes Jackson wrote for them: existing caches stay valid. */
class CacheIdentityTest {
    /** The identity as a record Jackson serializes with the graph types' old annotations. */
    private record Mirror(Op op, String platform) {
    }

    @Test
    void digestsAreTakenOverJacksonsBytes() {
        for (int seed = 0; seed < 2000; seed++) {
            GraphSamples g = new GraphSamples(new RandomValues(seed));
            Op op = seed % 2 == 0 ? g.execOp() : g.fileOp();
            String platform = g.platform();
            assertThat(CacheIdentity.digest(op, platform)).as("seed %d", seed)
                    .isEqualTo(Digest.sha256(GraphJackson.mapper().writeValueAsBytes(new Mirror(op, platform))));
        }
    }
}
