package dev.kiln.frontend.dockerfile.shell;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Behaviour of upstream's lexer that the shared tables do not pin down. */
class ShellLexTest {
    private static final ShellLex LEX = new ShellLex('\\');

    private static EnvLookup env(String... entries) {
        return EnvLookup.fromList(List.of(entries));
    }

    @Test
    void errorsCarryUpstreamMessages() {
        assertThatThrownBy(() -> LEX.processWord("he${PWD", env()))
                .isInstanceOf(KilnException.class)
                .hasMessage("failed to process \"he${PWD\": unsupported modifier (\uFFFD) in substitution")
                .extracting(e -> ((KilnException) e).kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT);
        assertThatThrownBy(() -> LEX.processWord("${X:?}", env()))
                .hasMessage("failed to process \"${X:?}\": X: is not allowed to be unset");
        assertThatThrownBy(() -> LEX.processWord("${X:?}", env("X=")))
                .hasMessage("failed to process \"${X:?}\": X: is not allowed to be empty");
        assertThatThrownBy(() -> LEX.processWord("${X:-a", env()))
                .hasMessage("failed to process \"${X:-a\": syntax error: missing '}'");
        assertThatThrownBy(() -> LEX.processWord("${X/a}", env()))
                .hasMessage("failed to process \"${X/a}\": syntax error: missing '/' in ${}");
        assertThatThrownBy(() -> LEX.processWord("${X:#a}", env()))
                .hasMessage("failed to process \"${X:#a}\": unsupported modifier (:#) in substitution");
        assertThatThrownBy(() -> LEX.processWord("a\t'b", env()))
                .hasMessage("failed to process \"a\\t'b\": unexpected end of statement while looking for matching single-quote");
        assertThatThrownBy(() -> LEX.processWord("${FOO#\\x}", env("FOO=x")))
                .hasMessage("failed to process \"${FOO#\\\\x}\": invalid pattern (\\x) in substitution: invalid escape '\\x'");
    }

    @Test
    void backtickEscapeToken() {
        ShellLex lex = new ShellLex('`');
        assertThat(lex.processWord("a`$b", env("b=x"))).isEqualTo("a$b");
        assertThat(lex.processWord("C:\\dir\\$b", env("b=x"))).isEqualTo("C:\\dir\\x");
        assertThat(lex.processWord("\"q`\"\\\"", env())).isEqualTo("q\"\\");
    }

    @Test
    void rawQuotesAndSkipUnsetKeepTheTextAsWritten() {
        ShellLex lex = new ShellLex('\\').withRawQuotes(true).withSkipUnsetEnv(true);
        assertThat(lex.processWord("'a'$X\"b$Y\"${Z:-d}${W}", env("Y=y")))
                .isEqualTo("'a'$X\"by\"${Z:-d}${W}");
        assertThat(lex.processWords("\"a b\" c", env())).containsExactly("\"a b\"", "c");
    }

    @Test
    void rawEscapesAndSkipProcessQuotes() {
        assertThat(new ShellLex('\\').withRawEscapes(true).processWord("a\\ b\\$X", env("X=1")))
                .isEqualTo("a\\ b\\$X");
        assertThat(new ShellLex('\\').withSkipProcessQuotes(true).processWord("'$X' \"$X\"", env("X=1")))
                .isEqualTo("'1' \"1\"");
    }

    @Test
    void replaceAllFollowsGoReplaceAllString() {
        EnvLookup foo = EnvLookup.of(Map.of("FOO", "foo", "AB", "ab"));
        assertThat(LEX.processWord("${FOO//o/[$0]}", foo)).isEqualTo("f[][]");
        assertThat(LEX.processWord("${FOO//o/['$0']}", foo)).isEqualTo("f[o][o]");
        assertThat(LEX.processWord("${FOO/o/'$0'}", foo)).isEqualTo("f$0o");
        assertThat(LEX.processWord("${FOO//o/'$$'}", foo)).isEqualTo("f$$");
        // an empty match right after a match is not replaced again
        assertThat(LEX.processWord("${AB//*/x}", foo)).isEqualTo("x");
        assertThat(LEX.processWord("${AB//?/'<$0>'}", foo)).isEqualTo("<a><b>");
    }

    @Test
    void wildcardsDoNotCrossNewlines() {
        EnvLookup v = env("V=a\nxb");
        assertThat(LEX.processWord("${V#*x}", v)).isEqualTo("a\nxb");
        assertThat(LEX.processWord("${V#a?x}", v)).isEqualTo("a\nxb");
        assertThat(LEX.processWord("${V#a\nx}", v)).isEqualTo("b");
        assertThat(LEX.processWord("${V%%x*}", v)).isEqualTo("a\n");
    }

    @Test
    void suffixRemovalKeepsEscapesWithTheirCharacter() {
        EnvLookup v = env("V=a*b*c", "W=a.b.c");
        assertThat(LEX.processWord("${V%\\**}", v)).isEqualTo("a*b");
        assertThat(LEX.processWord("${V%%\\**}", v)).isEqualTo("a");
        assertThat(LEX.processWord("${W%.*}", v)).isEqualTo("a.b");
        assertThat(LEX.processWord("${W##*.}", v)).isEqualTo("c");
    }

    @Test
    void matchesAreReportedInFirstUseOrder() {
        ProcessResult r = LEX.processWordWithMatches("$B${A}$B${C:-$D}", env("A=1", "B=2"));
        assertThat(r.result()).isEqualTo("212");
        assertThat(r.matched()).containsExactly("B", "A");
        // the default is expanded before the variable itself is looked up
        assertThat(r.unmatched()).containsExactly("D", "C");
    }

    @Test
    void nestedArgumentsShareTheWordBufferLikeUpstream() {
        // Upstream's nested ${…} scan clears the outer scan's pending word, so "hello" is lost from the
        // split words (the joined result is unaffected). Kept for byte-identical EXPOSE expansion.
        ProcessResult r = LEX.processWordWithMatches("a hello${X:-b}c", env());
        assertThat(r.result()).isEqualTo("a hellobc");
        assertThat(r.words()).containsExactly("a", "bc");
    }

    @Test
    @Timeout(5)
    void hostilePatternsFinishQuickly() {
        EnvLookup v = env("V=" + "a".repeat(20_000));
        assertThat(LEX.processWord("${V##*a*a*a*a*a*a*a*a*b}", v)).hasSize(20_000);
        assertThat(LEX.processWord("${V//a*a*a*b/x}", v)).hasSize(20_000);
    }

    @Test
    void deepNestingIsAnErrorNotAStackOverflow() {
        String word = "${A:-".repeat(100_000) + "}".repeat(100_000);
        assertThatThrownBy(() -> LEX.processWord(word, env()))
                .isInstanceOf(KilnException.class)
                .hasMessageContaining("nested more than 200 deep");
        assertThat(LEX.processWord("${A:-".repeat(150) + "x" + "}".repeat(150), env())).isEqualTo("x");
    }

    @Test
    void leadingByteOrderMarkIsSkippedLikeGoScanner() {
        assertThat(LEX.processWord("\uFEFFa\uFEFF", env())).isEqualTo("a\uFEFF");
    }

    @Test
    void goQuoteMatchesStrconvQuote() {
        assertThat(GoText.quote("a\"b\\c\td\u0001\u007f\u00a0é😀\u200b"))
                .isEqualTo("\"a\\\"b\\\\c\\td\\x01\\x7f\\u00a0é😀\\u200b\"");
    }
}
