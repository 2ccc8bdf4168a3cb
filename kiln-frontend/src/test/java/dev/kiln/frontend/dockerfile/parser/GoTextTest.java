package dev.kiln.frontend.dockerfile.parser;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Go string semantics: lossless invalid UTF-8, strconv.Quote, unicode.IsSpace, case mapping. */
class GoTextTest {
    @Test
    void invalidBytesSurviveARoundTrip() {
        byte[] bytes = {'a', (byte) 0xC3, (byte) 0x28, (byte) 0xE2, (byte) 0x82, (byte) 0xED, (byte) 0xA0, (byte) 0x80,
                (byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0x80, (byte) 0xFF};

        String decoded = GoText.decode(bytes);

        assertThat(GoText.encode(decoded)).isEqualTo(bytes);
        assertThat(decoded.codePoints().filter(GoText::isRawByte).count()).isEqualTo(7);
        assertThat(decoded).contains("\uD83D\uDE00");
    }

    @Test
    void renormalizeJoinsSplitSequences() {
        String left = GoText.decode(new byte[] {'x', (byte) 0xE2});
        String right = GoText.decode(new byte[] {(byte) 0x82, (byte) 0xAC});

        assertThat(GoText.renormalize(left + right)).isEqualTo("x€");
    }

    @Test
    void quoteFollowsStrconv() {
        assertThat(GoQuote.quote("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
        assertThat(GoQuote.quote("\u0007\b\f\n\r\t\u000b\u0000\u001f\u007f"))
                .isEqualTo("\"\\a\\b\\f\\n\\r\\t\\v\\x00\\x1f\\x7f\"");
        assertThat(GoQuote.quote("\u00a0\u200b\u00ad")).isEqualTo("\"\\u00a0\\u200b\\u00ad\"");
        assertThat(GoQuote.quote("\uDB40\uDC01")).isEqualTo("\"\\U000e0001\"");
        assertThat(GoQuote.quote("♥ é 😀 \uFFFD")).isEqualTo("\"♥ é 😀 \uFFFD\"");
        assertThat(GoQuote.quote(GoText.decode(new byte[] {(byte) 0xFF, 'a'}))).isEqualTo("\"\\xffa\"");
        assertThat(GoQuote.quoteList(List.of("--a=b", "c d"))).isEqualTo("[\"--a=b\" \"c d\"]");
    }

    @Test
    void whitespaceIsGoWhitespace() {
        assertThat(GoText.trimSpace("\u00a0\u0085 x \u3000\u000b")).isEqualTo("x");
        assertThat(GoText.trimSpace("\u001cx\u200b")).isEqualTo("\u001cx\u200b");
    }

    @Test
    void caseMappingIsSimpleAndPerRune() {
        assertThat(GoText.toLower("RUN")).isEqualTo("run");
        assertThat(GoText.toLower("İ")).isEqualTo("i");
        assertThat(GoText.toLower(GoText.decode(new byte[] {'A', (byte) 0xFF}))).isEqualTo("a\uFFFD");
        assertThat(GoText.equalFold("AS", "aſ")).isTrue();
        assertThat(GoText.equalFold("as", "a")).isFalse();
    }
}
