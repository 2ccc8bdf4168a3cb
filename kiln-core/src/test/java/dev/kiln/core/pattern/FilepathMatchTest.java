package dev.kiln.core.pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Cases from Go's path/filepath match_test.go table (errors count as no match, and make a pattern invalid). */
class FilepathMatchTest {
    @ParameterizedTest(name = "{0} ~ {1} = {2}")
    @CsvSource(delimiter = '|', value = {
        "abc|abc|true",
        "*|abc|true",
        "*c|abc|true",
        "a*|a|true",
        "a*|abc|true",
        "a*|ab/c|false",
        "a*/b|abc/b|true",
        "a*/b|a/c/b|false",
        "a*b*c*d*e*/f|axbxcxdxe/f|true",
        "a*b*c*d*e*/f|axbxcxdxexxx/f|true",
        "a*b*c*d*e*/f|axbxcxdxe/xxx/f|false",
        "a*b*c*d*e*/f|axbxcxdxexxx/fff|false",
        "a*b?c*x|abxbbxdbxebxczzx|true",
        "a*b?c*x|abxbbxdbxebxczzy|false",
        "ab[c]|abc|true",
        "ab[b-d]|abc|true",
        "ab[e-g]|abc|false",
        "ab[^c]|abc|false",
        "ab[^b-d]|abc|false",
        "ab[^e-g]|abc|true",
        "a\\*b|a*b|true",
        "a\\*b|ab|false",
        "a?b|a☺b|true",
        "a[^a]b|a☺b|true",
        "a???b|a☺b|false",
        "a[^a][^a][^a]b|a☺b|false",
        "[a-ζ]*|α|true",
        "*[a-ζ]|A|false",
        "a?b|a/b|false",
        "a*b|a/b|false",
        "[\\]a]|]|true",
        "[\\-]|-|true",
        "[x\\-]|x|true",
        "[x\\-]|-|true",
        "[x\\-]|z|false",
        "[\\-x]|x|true",
        "[]a]|]|false",
        "[-]|-|false",
        "[x-]|x|false",
        "[a-b-c]|a|false",
        "[|a|false",
        "[^|a|false",
        "[^bc|a|false",
        "a[|a|false",
        "a[|ab|false",
        "*x|xxx|true",
    })
    void matches(String pattern, String name, boolean expected) {
        assertThat(FilepathMatch.matches(pattern, name)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} valid = {1}")
    @CsvSource(delimiter = '|', value = {
        "abc|true",
        "a*b*c*d*e*/f|true",
        "ab[^b-d]|true",
        "a\\*b|true",
        "[\\]a]|true",
        "[x\\-]|true",
        "[a-ζ]*|true",
        "*[a-ζ]|true",
        "a*b[|false",
        "a\\|false",
        "a*\\|false",
        "[]a]|false",
        "[-]|false",
        "[x-]|false",
        "[a-b-c]|false",
        "[|false",
        "[^|false",
        "[^bc|false",
        "a[|false",
        "*x[|false",
    })
    void isValid(String pattern, boolean expected) {
        assertThat(FilepathMatch.isValid(pattern)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} has wildcards = {1}")
    @CsvSource(delimiter = '|', value = {
        "plain/name.txt|false",
        "a\\*b|false",
        "a*b|true",
        "dir/file?|true",
        "dir/[ab]|true",
        "\\[x]|false",
    })
    void containsWildcards(String name, boolean expected) {
        assertThat(FilepathMatch.containsWildcards(name)).isEqualTo(expected);
    }
}
