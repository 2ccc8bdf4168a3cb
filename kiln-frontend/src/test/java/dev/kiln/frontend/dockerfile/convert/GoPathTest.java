package dev.kiln.frontend.dockerfile.convert;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class GoPathTest {
    @ParameterizedTest
    @CsvSource(value = {
            "'', .", "/, /", "a/b/../c, a/c", "/../x, /x", "../x, ../x", "//a//b/, /a/b", "./, .", "a/.., ."},
            emptyValue = "")
    void cleanIsLexicalLikeGo(String in, String out) {
        assertThat(GoPath.clean(in)).isEqualTo(out);
    }

    @ParameterizedTest
    @CsvSource({
            "/app, foo, /app/foo", "/app, foo/, /app/foo/", "/app, ./, /app/", "/, ., /", "/app, /x/../y/, /x/../y/",
            "/app, sub/., /app/sub/.", "'', rel, /rel"})
    void normalizeKeepsTrailingSlashAndAbsolutePaths(String parent, String path, String out) {
        assertThat(GoPath.normalize(parent, path, true)).isEqualTo(out);
    }

    @Test
    void join() {
        assertThat(GoPath.join(".", "/foo")).isEqualTo("foo");
        assertThat(GoPath.join("/", "")).isEqualTo("/");
    }
}
