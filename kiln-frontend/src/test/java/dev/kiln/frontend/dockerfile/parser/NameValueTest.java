package dev.kiln.frontend.dockerfile.parser;

import dev.kiln.core.KilnException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** parser/name_value.json: ENV/LABEL arguments as key/value/separator triples. */
class NameValueTest {
    @Test
    void nameValuesMatchUpstream() {
        for (JsonNode c : ConformanceData.cases("parser/name_value.json")) {
            String keyword = c.get("instruction").stringValue();
            String rest = c.get("rest").stringValue();
            if (c.path("expected_error").asBoolean(false)) {
                assertThatThrownBy(() -> ArgumentSyntax.nameValues(keyword, rest, '\\'))
                        .isInstanceOf(KilnException.class).hasMessage(keyword + " must have two arguments");
                continue;
            }
            String dump = ArgumentSyntax.nameValues(keyword, rest, '\\').stream().map(GoQuote::quote)
                    .collect(Collectors.joining(" "));
            assertThat(dump).isEqualTo(c.get("expected_dump").stringValue());
        }
    }

    @Test
    void aWordWithoutEqualsInTheNewFormIsAnError() {
        assertThatThrownBy(() -> ArgumentSyntax.nameValues("ENV", "a=b c", '\\'))
                .hasMessage("Syntax error - can't find = in \"c\". Must be of the form: name=value");
    }
}
