package dev.kiln.frontend.dockerfile.parser;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** parser/parse_words.json: whitespace word splitting that keeps quotes and escapes. */
class ParseWordsTest {
    @Test
    void wordsMatchUpstream() {
        for (JsonNode c : ConformanceData.cases("parser/parse_words.json")) {
            assertThat(ArgumentSyntax.words(c.get("input").stringValue(), '\\'))
                    .as(c.get("input").stringValue())
                    .isEqualTo(ConformanceData.strings(c.get("expected")));
        }
    }
}
