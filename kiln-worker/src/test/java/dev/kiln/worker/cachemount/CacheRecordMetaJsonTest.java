package dev.kiln.worker.cachemount;

import dev.kiln.core.json.Differential;
import dev.kiln.core.json.JacksonOracle;
import dev.kiln.core.json.RandomValues;
import org.junit.jupiter.api.Test;

/** meta.json files written by earlier versions read the same, and new ones are written the same. */
class CacheRecordMetaJsonTest {
    @Test
    void writtenAndReadAsJacksonDid() {
        for (int seed = 0; seed < 2000; seed++) {
            RandomValues v = new RandomValues(seed);
            CacheRecordMeta meta = new CacheRecordMeta(v.wellFormedString(), v.wellFormedString(), v.anyLong(),
                    v.anyLong());
            Differential.assertWritesAlike(meta, JacksonOracle.mapper(), "meta " + seed);
            Differential.assertReadsAlike(JacksonOracle.mapper().writeValueAsBytes(meta), CacheRecordMeta::fromJson,
                    CacheRecordMeta.class, JacksonOracle.mapper(), "meta " + seed);
        }
    }
}
