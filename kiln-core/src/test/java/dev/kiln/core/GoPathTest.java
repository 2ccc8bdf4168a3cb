package dev.kiln.core;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Cases from Go's path package tests (path_test.go); {@code ''} is the empty string. */
class GoPathTest {
    @ParameterizedTest(name = "Clean({0}) = {1}")
    @CsvSource({
        "'', .",
        "abc, abc",
        "abc/def, abc/def",
        "., .",
        "..,  ..",
        "../.., ../..",
        "../../abc, ../../abc",
        "/abc, /abc",
        "/, /",
        "abc/, abc",
        "abc/def/, abc/def",
        "a/b/c/, a/b/c",
        "/abc/, /abc",
        "abc//def//ghi, abc/def/ghi",
        "//abc, /abc",
        "///abc, /abc",
        "//abc//, /abc",
        "abc/./def, abc/def",
        "/./abc/def, /abc/def",
        "abc/., abc",
        "abc/def/ghi/../jkl, abc/def/jkl",
        "abc/def/../ghi/../jkl, abc/jkl",
        "abc/def/.., abc",
        "abc/def/../.., .",
        "/abc/def/../.., /",
        "abc/def/../../.., ..",
        "/abc/def/../../.., /",
        "abc/def/../../../ghi/jkl/../../../mno, ../../mno",
        "abc/./../def, def",
        "abc//./../def, def",
        "abc/../../././../def, ../../def",
    })
    void clean(String path, String cleaned) {
        assertThat(GoPath.clean(path)).isEqualTo(cleaned);
    }

    @ParameterizedTest(name = "Join({0}, {1}) = {2}")
    @CsvSource({
        "a, b, a/b",
        "a, '', a",
        "'', b, b",
        "/, a, /a",
        "/, '', /",
        "a/, b, a/b",
        "a/, '', a",
        "'', '', ''",
        "a/b, ../c, a/c",
    })
    void join(String first, String second, String joined) {
        assertThat(GoPath.join(first, second)).isEqualTo(joined);
    }

    @ParameterizedTest(name = "Dir({0}) = {1}")
    @CsvSource({
        "'', .",
        "., .",
        "/., /",
        "/, /",
        "////, /",
        "/foo, /",
        "x/, x",
        "abc, .",
        "abc/def, abc",
        "a/b/.x, a/b",
        "a/b/c., a/b",
        "a/b/c.x, a/b",
    })
    void dir(String path, String dir) {
        assertThat(GoPath.dir(path)).isEqualTo(dir);
    }
}
