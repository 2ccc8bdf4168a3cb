package dev.kiln.frontend.dockerfile.parser;

import dev.kiln.core.KilnException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** parser/json_arrays.json: which argument texts are the JSON (exec) form. */
class JsonArraysTest {
    @Test
    void jsonFormMatchesUpstream() {
        for (JsonNode c : ConformanceData.cases("parser/json_arrays.json")) {
            String input = c.get("input").stringValue();
            if (c.get("valid").asBoolean()) {
                assertThat(ArgumentSyntax.jsonArray(input)).as(input)
                        .hasValue(ConformanceData.strings(c.get("expected")));
            } else {
                assertThatThrownBy(() -> ArgumentSyntax.jsonArray(input)).as(input)
                        .isInstanceOf(KilnException.class)
                        .hasMessage("when using JSON array syntax, arrays must be comprised of strings only");
            }
        }
    }

    @Test
    void textThatIsNotJsonIsShellForm() {
        assertThat(ArgumentSyntax.jsonArray("[\"a\"")).isEmpty();
        assertThat(ArgumentSyntax.jsonArray("['a']")).isEmpty();
        assertThat(ArgumentSyntax.jsonArray("[\"a\"] trailing")).isEmpty();
        assertThat(ArgumentSyntax.jsonArray("[" .repeat(20_000) + "]".repeat(20_000))).isEmpty();
    }

    @Test
    void invalidUtf8AndLoneSurrogatesDecodeToReplacementCharacter() {
        String withRawByte = GoText.decode(new byte[] {'[', '"', 'a', (byte) 0xFF, '"', ']'});

        assertThat(ArgumentSyntax.jsonArray(withRawByte)).hasValue(java.util.List.of("a\uFFFD"));
        assertThat(ArgumentSyntax.jsonArray("[\"\\ud800x\"]")).hasValue(java.util.List.of("\uFFFDx"));
        assertThat(ArgumentSyntax.jsonArray("[\"\\ud83d\\ude00\"]")).hasValue(java.util.List.of("\uD83D\uDE00"));
    }
}
