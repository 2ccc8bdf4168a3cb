package dev.kiln.graph;

import dev.kiln.core.Digest;
import dev.kiln.core.json.Differential;
import dev.kiln.core.json.RandomValues;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ops are written as Jackson wrote them with the annotations they used to have, so node digests (and the cache keys
 * the worker takes over ops) are what they always were.
 */
class OpJsonTest {
    private static final int SAMPLES = 3000;

    /** What Node hashes, as a record Jackson can serialize. */
    private record Identity(Op op, List<Output> inputs, String platform) {
    }

    @Test
    void opsAreWrittenAsJacksonWroteThem() {
        for (int seed = 0; seed < SAMPLES; seed++) {
            Op op = new GraphSamples(new RandomValues(seed)).op();
            Differential.assertWritesAlike(op, GraphJackson.mapper(), "op " + seed);
        }
    }

    @Test
    void nodeDigestsAreTakenOverJacksonsBytes() {
        for (int seed = 0; seed < SAMPLES; seed++) {
            RandomValues v = new RandomValues(seed);
            GraphSamples g = new GraphSamples(v);
            Op op = g.op();
            List<Output> inputs = v.nonNullList(g::output);
            String platform = g.platform();
            Digest expected = Digest.sha256(GraphJackson.mapper().writeValueAsBytes(new Identity(op, inputs, platform)));
            assertThat(Node.of(op, inputs, platform, null).digest()).as("seed %d", seed).isEqualTo(expected);
        }
    }

    /** Pins the format itself: a change here changes every node digest and cache key. */
    @Test
    void aKnownOpHasItsKnownDigest() {
        Op op = new FileOp(Op.SCRATCH, List.of(new FileAction.Mkdir("/app", 0755, true, null, null),
                new FileAction.Mkfile("/app/a", 0644, "hi".getBytes(), new FileAction.Owner("1", null), 0L)));
        Node node = Node.of(op, List.of(), "linux/amd64", null);
        assertThat(dev.kiln.core.json.Json.string(op)).isEqualTo("{\"type\":\"file\",\"base\":-1,\"actions\":["
                + "{\"action\":\"mkdir\",\"path\":\"/app\",\"mode\":493,\"makeParents\":true},"
                + "{\"action\":\"mkfile\",\"path\":\"/app/a\",\"mode\":420,\"data\":\"aGk=\",\"owner\":{\"user\":\"1\"},"
                + "\"timestamp\":0}]}");
        assertThat(node.digest()).isEqualTo(Digest.sha256("{\"op\":" + dev.kiln.core.json.Json.string(op)
                + ",\"platform\":\"linux/amd64\"}"));
    }
}
