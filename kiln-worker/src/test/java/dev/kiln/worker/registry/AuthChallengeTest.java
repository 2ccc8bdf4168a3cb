package dev.kiln.worker.registry;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AuthChallengeTest {

    @Test
    void bearer_withQuotedParameters() {
        assertThat(AuthChallenge.parse(List.of(
                "Bearer realm=\"https://auth.docker.io/token\",service=\"registry.docker.io\","
                        + "scope=\"repository:library/busybox:pull\"")))
                .containsExactly(new AuthChallenge("bearer", Map.of("realm", "https://auth.docker.io/token",
                        "service", "registry.docker.io", "scope", "repository:library/busybox:pull")));
    }

    @Test
    void basic_andSeveralChallengesInOneOrManyHeaders() {
        assertThat(AuthChallenge.parse(List.of("Basic realm=\"testenv\"", "Bearer realm=\"http://x/t\", error=insufficient_scope")))
                .extracting(AuthChallenge::scheme).containsExactly("basic", "bearer");
        assertThat(AuthChallenge.parse(List.of("Basic realm=\"a, b\", Bearer realm=\"http://x/t\",service=s")))
                .containsExactly(new AuthChallenge("basic", Map.of("realm", "a, b")),
                        new AuthChallenge("bearer", Map.of("realm", "http://x/t", "service", "s")));
    }

    @Test
    void escapedQuotes_andJunk_doNotBreakParsing() {
        assertThat(AuthChallenge.parse(List.of("Bearer realm=\"a\\\"b\"")).getFirst().param("realm")).isEqualTo("a\"b");
        assertThat(AuthChallenge.parse(List.of("", "   ", "Bearer realm=\"unterminated")))
                .containsExactly(new AuthChallenge("bearer", Map.of("realm", "unterminated")));
        assertThat(AuthChallenge.parse(List.of("Negotiate")))
                .containsExactly(new AuthChallenge("negotiate", Map.of()));
    }
}
