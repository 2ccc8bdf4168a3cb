package dev.kiln.cli.config;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class TomlReaderTest {

    private static Map<String, Object> read(String text) {
        return TomlReader.read("t.toml", text).root();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> table(Map<String, Object> parent, String key) {
        return (Map<String, Object>) parent.get(key);
    }

    @Test
    void comments_blankLinesAndCrlf_areSkipped() {
        Map<String, Object> doc = read("# header comment\r\n\r\n  a = 1 # trailing\r\n\t# indented\nb = \"# not a comment\"#c\n#end");
        assertThat(doc).containsExactly(Map.entry("a", 1L), Map.entry("b", "# not a comment"));
    }

    @Test
    void keys_bareQuotedAndDotted() {
        Map<String, Object> doc = read("""
                bare_key-1 = 1
                1234 = 2
                "quoted key" = 3
                'literal "key"' = 4
                "" = 5
                site . "google.com" . 'x' = 6
                "\\u0041" = 7
                """);
        assertThat(doc).containsOnlyKeys("bare_key-1", "1234", "quoted key", "literal \"key\"", "", "site", "A");
        assertThat(table(table(doc, "site"), "google.com")).containsExactly(Map.entry("x", 6L));
    }

    @Test
    void tables_keepDocumentOrder() {
        Map<String, Object> doc = read("z = 1\ny = 2\n[m]\nb = 1\na = 2\n[c]\n");
        assertThat(doc.keySet()).containsExactly("z", "y", "m", "c");
        assertThat(table(doc, "m").keySet()).containsExactly("b", "a");
        assertThat(table(doc, "c")).isEmpty();
    }

    @Test
    void tableHeaders_withQuotedDottedAndSpacedKeys() {
        Map<String, Object> doc = read("""
                [registry."docker.io"]
                http = true
                [ a . "b.c" . 'd' ]
                e = 1
                [x.y.z.w]
                [x]
                v = 2
                [x.y]
                u = 3
                """);
        assertThat(table(table(doc, "registry"), "docker.io")).containsExactly(Map.entry("http", true));
        assertThat(table(table(table(doc, "a"), "b.c"), "d")).containsExactly(Map.entry("e", 1L));
        Map<String, Object> x = table(doc, "x");
        assertThat(x.get("v")).isEqualTo(2L);
        assertThat(table(x, "y").get("u")).isEqualTo(3L);
        assertThat(table(table(x, "y"), "z")).containsOnlyKeys("w");
    }

    @Test
    void arrayOfTables_appendsAndNestsUnderTheLastElement() {
        Map<String, Object> doc = read("""
                [[fruits]]
                name = "apple"
                [fruits.physical]
                color = "red"
                [[fruits.varieties]]
                name = "red delicious"
                [[fruits.varieties]]
                name = "granny smith"
                [[fruits]]
                name = "banana"
                [[ fruits.varieties ]]
                name = "plantain"
                """);
        assertThat(doc.get("fruits")).isEqualTo(List.of(
                Map.of("name", "apple", "physical", Map.of("color", "red"),
                        "varieties", List.of(Map.of("name", "red delicious"), Map.of("name", "granny smith"))),
                Map.of("name", "banana", "varieties", List.of(Map.of("name", "plantain")))));
    }

    @Test
    void dottedKeys_defineTablesThatHeadersMayAddSubTablesTo() {
        Map<String, Object> doc = read("""
                [fruit]
                apple.color = "red"
                apple.taste.sweet = true
                [fruit.apple.texture]
                smooth = true
                """);
        assertThat(doc.get("fruit")).isEqualTo(Map.of("apple", Map.of(
                "color", "red", "taste", Map.of("sweet", true), "texture", Map.of("smooth", true))));
    }

    @Test
    void basicStrings_decodeEveryEscape() {
        Map<String, Object> doc = read("""
                s = "a\\bb\\tc\\nd\\fe\\rf\\"g\\\\h\\u00e9\\U0001F600 tab:\t."
                """);
        assertThat(doc.get("s")).isEqualTo("a\bb\tc\nd\fe\rf\"g\\h\u00e9\uD83D\uDE00 tab:\t.");
    }

    @Test
    void literalStrings_keepBackslashesAsWritten() {
        Map<String, Object> doc = read("""
                path = 'C:\\Users\\nodejs\\templates'
                quoted = 'Tom "Dubs" Preston-Werner'
                """);
        assertThat(doc.get("path")).isEqualTo("C:\\Users\\nodejs\\templates");
        assertThat(doc.get("quoted")).isEqualTo("Tom \"Dubs\" Preston-Werner");
    }

    @Test
    void multiLineBasicStrings_trimTheFirstNewlineAndJoinBackslashedLines() {
        Map<String, Object> doc = read("""
                a = \"""
                Roses are red
                Violets are blue\"""
                b = \"""The quick brown \\


                  fox jumps \\
                   over.\"""
                c = \"""Here are two quotes: "". Escaped: \\\"""\"""
                d = \"""ends in quotes\"\"\"""
                e = \"""\\u0041\\ttab\"""
                """);
        assertThat(doc.get("a")).isEqualTo("Roses are red\nViolets are blue");
        assertThat(doc.get("b")).isEqualTo("The quick brown fox jumps over.");
        assertThat(doc.get("c")).isEqualTo("Here are two quotes: \"\". Escaped: \"\"\"");
        assertThat(doc.get("d")).isEqualTo("ends in quotes\"\"");
        assertThat(doc.get("e")).isEqualTo("A\ttab");
        assertThat(read("s = \"\"\"\r\none\r\ntwo\"\"\"\r\n").get("s")).isEqualTo("one\ntwo");
    }

    @Test
    void multiLineLiteralStrings_keepEverythingButTheFirstNewline() {
        Map<String, Object> doc = read("""
                re = '''I [dw]on't need \\d{2} apples'''
                lines = '''
                The first newline is
                trimmed in raw strings.\\
                   All other whitespace
                   is preserved.
                '''
                quotes = ''''That,' she said, 'is pointless.'''''
                """);
        assertThat(doc.get("re")).isEqualTo("I [dw]on't need \\d{2} apples");
        assertThat(doc.get("lines")).isEqualTo(
                "The first newline is\ntrimmed in raw strings.\\\n   All other whitespace\n   is preserved.\n");
        assertThat(doc.get("quotes")).isEqualTo("'That,' she said, 'is pointless.''");
    }

    @Test
    void integers_inEveryBase() {
        Map<String, Object> doc = read("""
                a = +99
                b = 42
                c = 0
                d = -17
                e = 5_349_221
                f = 1_2_3_4_5
                g = 0xDEADBEEF
                h = 0xdead_beef
                i = 0o755
                j = 0b11010110
                k = 9223372036854775807
                l = -9223372036854775808
                m = +0
                n = -0
                """);
        assertThat(doc).containsExactly(Map.entry("a", 99L), Map.entry("b", 42L), Map.entry("c", 0L),
                Map.entry("d", -17L), Map.entry("e", 5349221L), Map.entry("f", 12345L), Map.entry("g", 0xDEADBEEFL),
                Map.entry("h", 0xDEADBEEFL), Map.entry("i", 493L), Map.entry("j", 214L),
                Map.entry("k", Long.MAX_VALUE), Map.entry("l", Long.MIN_VALUE), Map.entry("m", 0L), Map.entry("n", 0L));
    }

    @Test
    void floats_withFractionsExponentsAndSpecialValues() {
        Map<String, Object> doc = read("""
                a = +1.0
                b = 3.1415
                c = -0.01
                d = 5e+22
                e = 1e06
                f = -2E-2
                g = 6.626e-34
                h = 224_617.445_991_228
                i = inf
                j = +inf
                k = -inf
                l = nan
                m = -nan
                n = -0.0
                """);
        assertThat(doc).containsExactly(Map.entry("a", 1.0), Map.entry("b", 3.1415), Map.entry("c", -0.01),
                Map.entry("d", 5e22), Map.entry("e", 1e6), Map.entry("f", -0.02), Map.entry("g", 6.626e-34),
                Map.entry("h", 224617.445991228), Map.entry("i", Double.POSITIVE_INFINITY),
                Map.entry("j", Double.POSITIVE_INFINITY), Map.entry("k", Double.NEGATIVE_INFINITY),
                Map.entry("l", Double.NaN), Map.entry("m", Double.NaN), Map.entry("n", -0.0));
    }

    @Test
    void booleans() {
        assertThat(read("t = true\nf = false")).containsExactly(Map.entry("t", true), Map.entry("f", false));
    }

    @Test
    void arrays_multiLineWithCommentsTrailingCommaAndMixedTypes() {
        Map<String, Object> doc = read("""
                empty = [ ]
                nested = [ [ 1, 2 ], ["a", 'b'] , [] ]
                mixed = [ 0.1, "x", true, { k = 1 } ]
                long = [  # opening comment
                  "one",  # after an element
                  # a line of its own

                  "two",
                ]
                """);
        assertThat(doc.get("empty")).isEqualTo(List.of());
        assertThat(doc.get("nested")).isEqualTo(List.of(List.of(1L, 2L), List.of("a", "b"), List.of()));
        assertThat(doc.get("mixed")).isEqualTo(List.of(0.1, "x", true, Map.of("k", 1L)));
        assertThat(doc.get("long")).isEqualTo(List.of("one", "two"));
    }

    @Test
    void inlineTables_nestedAndWithDottedKeys() {
        Map<String, Object> doc = read("""
                name = { first = "Tom", last = "Preston-Werner" }
                point = {x=1,y=2}
                animal = { type.name = "pug", type.size = "small", tags = [ "a",
                  "b" ] }
                empty = {}
                """);
        assertThat(doc.get("name")).isEqualTo(Map.of("first", "Tom", "last", "Preston-Werner"));
        assertThat(doc.get("point")).isEqualTo(Map.of("x", 1L, "y", 2L));
        assertThat(doc.get("animal")).isEqualTo(Map.of("type", Map.of("name", "pug", "size", "small"),
                "tags", List.of("a", "b")));
        assertThat(doc.get("empty")).isEqualTo(Map.of());
    }

    @Test
    void byteOrderMark_isSkipped() {
        assertThat(read("\uFEFFa = 1")).containsExactly(Map.entry("a", 1L));
    }

    @Test
    void keyOffsets_pointAtTheDefiningLine() {
        TomlDocument doc = TomlReader.read("t.toml", "a = 1\n[t]\n  k.x = [\n1]\n");
        assertThat(doc.error(List.of("t", "k", "x"), "bad").getMessage()).isEqualTo("invalid config t.toml:3: t.k.x: bad");
        assertThat(doc.error(List.of("t", "other"), "bad").getMessage()).isEqualTo("invalid config t.toml:2: t.other: bad");
        assertThat(doc.error(List.of("b"), "bad").getMessage()).isEqualTo("invalid config t.toml: b: bad");
    }

    static Stream<Arguments> invalidDocuments() {
        return Stream.of(
                arguments("a = 1\nb = 2\na = 3", 3, "key a is already defined"),
                arguments("[t]\nx = 1\n[t]", 3, "table t is already defined"),
                arguments("[a.b]\n[a]\n[a]", 3, "table a is already defined"),
                arguments("a.b = 1\na = 2", 2, "key a is already defined"),
                arguments("a = 1\na.b = 2", 2, "key a is already defined"),
                arguments("[fruit]\napple.color = 'red'\n[fruit.apple]", 3, "table fruit.apple is already defined"),
                arguments("a.b.c = 1\n[a]", 2, "table a is already defined"),
                arguments("[a]\nb.c = 1\n[x]\n[a.b]", 4, "table a.b is already defined"),
                arguments("[a.b.c]\nz = 1\n[a]\nb.c.t = 2", 4, "key b.c is already defined"),
                arguments("p = { t = 1 }\np.u = 2", 2, "key p is already defined"),
                arguments("p = { t = 1 }\n[p.q]", 2, "key p is already defined"),
                arguments("p = { t = 1 }\n[p]", 2, "table p is already defined"),
                arguments("p = { a = { b = 1 }, a.c = 2 }", 1, "key a is already defined"),
                arguments("a = []\n[[a]]", 2, "a is already defined and is not an array of tables"),
                arguments("[[a]]\n[a]", 2, "table a is already defined"),
                arguments("[a]\n[[a]]", 2, "a is already defined and is not an array of tables"),
                arguments("\n\ns = \"abc\nt = 1", 3, "unterminated string"),
                arguments("s = 'abc", 1, "unterminated string"),
                arguments("\ns = \"\"\"abc\n\ndef", 2, "unterminated string"),
                arguments("a = [\n1,\n", 1, "unterminated array"),
                arguments("a = 1\nb = [1 2]", 2, "expected ',' or ']' in the array, found '2'"),
                arguments("a = [1,,]", 1, "expected a value, found ','"),
                arguments("s = \"\\x41\"", 1, "invalid escape sequence: backslash followed by 'x'"),
                arguments("s = \"\\uD800\"", 1, "escape \\uD800 is not a Unicode scalar value"),
                arguments("s = \"\\U00110000\"", 1, "escape \\U00110000 is not a Unicode scalar value"),
                arguments("s = \"\\u12\"", 1, "a \\u escape needs 4 hex digits"),
                arguments("s = \"\"\"a \\  b\"\"\"", 1, "invalid escape sequence: backslash followed by ' '"),
                arguments("s = \"a\u0001b\"", 1, "control character U+0001 is not allowed here"),
                arguments("s = 'a\u007Fb'", 1, "control character U+007F is not allowed here"),
                arguments("# a\u0000comment", 1, "control character U+0000 is not allowed here"),
                arguments("a = 1\rb = 2", 1, "expected the end of the line, found U+000D"),
                arguments("a = 1 b = 2", 1, "expected the end of the line, found 'b'"),
                arguments("a = 012", 1, "invalid number 012: leading zeros are not allowed"),
                arguments("a = 1__0", 1, "invalid number 1__0"),
                arguments("a = _1", 1, "invalid value _1"),
                arguments("a = 1_", 1, "invalid number 1_"),
                arguments("a = 0X1F", 1, "invalid number 0X1F"),
                arguments("a = 0x", 1, "invalid number 0x"),
                arguments("a = 0b102", 1, "invalid number 0b102"),
                arguments("a = +0x1", 1, "invalid number +0x1"),
                arguments("a = .5", 1, "invalid value .5"),
                arguments("a = 5.", 1, "invalid number 5."),
                arguments("a = 1e", 1, "invalid number 1e"),
                arguments("a = 1.e5", 1, "invalid number 1.e5"),
                arguments("a = 9223372036854775808", 1, "integer 9223372036854775808 is out of range"),
                arguments("a = 0x8000000000000000", 1, "integer 0x8000000000000000 is out of range"),
                arguments("a = 1e400", 1, "float 1e400 is out of range"),
                arguments("a = hello", 1, "invalid value hello (strings must be quoted)"),
                arguments("a = TRUE", 1, "invalid value TRUE (strings must be quoted)"),
                arguments("d = 1979-05-27", 1, "dates and times are not supported (1979-05-27)"),
                arguments("d = 07:32:00", 1, "dates and times are not supported (07:32:00)"),
                arguments("a", 1, "expected '=' after the key, found the end of the file"),
                arguments("a = ", 1, "expected a value, found the end of the file"),
                arguments("a = # nothing", 1, "expected a value, found '#'"),
                arguments("= 1", 1, "expected a key, found '='"),
                arguments("a. = 1", 1, "expected a key, found '='"),
                arguments("\"\"\"k\"\"\" = 1", 1, "expected '=' after the key, found '\"'"),
                arguments("[a", 1, "expected ']' to close the table header, found the end of the file"),
                arguments("[[a] ]", 1, "expected ']]' to close the table header, found ']'"),
                arguments("[ [a] ]", 1, "expected a key, found '['"),
                arguments("[]", 1, "expected a key, found ']'"),
                arguments("[a] x = 1", 1, "expected the end of the line, found 'x'"),
                arguments("t = { a = 1,\n b = 2 }", 1, "expected a key, found a newline"),
                arguments("t = { a = 1\n}", 1, "expected ',' or '}' in the inline table, found a newline"),
                arguments("t = { a = 1, }", 1, "a trailing comma is not allowed in an inline table"),
                arguments("t = { a = 1, a = 2 }", 1, "key a is already defined"),
                arguments("x = 1\nt = { a = 1", 2, "expected ',' or '}' in the inline table, found the end of the file"),
                arguments("a = " + "[".repeat(100_000), 1, "values nested more than 64 levels deep"));
    }

    @ParameterizedTest
    @MethodSource("invalidDocuments")
    void invalidDocuments_failWithFileLineAndReason(String text, int line, String reason) {
        assertThatThrownBy(() -> read(text))
                .isInstanceOfSatisfying(KilnException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT))
                .hasMessage("invalid config t.toml:" + line + ": " + reason);
    }
}
