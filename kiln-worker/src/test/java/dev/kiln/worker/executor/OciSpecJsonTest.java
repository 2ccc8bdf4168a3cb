package dev.kiln.worker.executor;

import dev.kiln.core.json.Differential;
import dev.kiln.core.json.JacksonOracle;
import dev.kiln.core.json.RandomValues;
import org.junit.jupiter.api.Test;

/** config.json is written as Jackson wrote it: components in order, empty values left out, limits unsigned. */
class OciSpecJsonTest {
    @Test
    void specsAreWrittenAsJacksonWroteThem() {
        for (int seed = 0; seed < 1500; seed++) {
            OciSpec spec = new OciSpecSamples(new RandomValues(seed)).spec();
            Differential.assertWritesAlike(spec, JacksonOracle.mapper(), "spec " + seed);
        }
    }
}
