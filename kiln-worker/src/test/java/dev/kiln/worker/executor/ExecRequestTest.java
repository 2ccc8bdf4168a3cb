package dev.kiln.worker.executor;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExecRequestTest {
    private static final Path ROOTFS = Path.of("/rootfs");

    @Test
    void defaults_matchBuildkit() {
        ExecRequest request = ExecRequest.builder("id", ROOTFS, List.of("true")).build();

        assertThat(request.hostname()).isEqualTo("buildkitsandbox");
        assertThat(request.cwd()).isEqualTo("/");
        assertThat(request.user()).isEmpty();
        assertThat(request.network()).isEqualTo(NetworkMode.SANDBOX);
        assertThat(request.security()).isEqualTo(SecurityMode.SANDBOX);
    }

    @Test
    void cwd_isCleaned() {
        assertThat(ExecRequest.builder("id", ROOTFS, List.of("true")).cwd("work/../src//x/").build().cwd())
                .isEqualTo("/src/x");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", "a/b", "a b", "x\n"})
    void invalidIds_areRejected(String id) {
        assertThatThrownBy(() -> ExecRequest.builder(id, ROOTFS, List.of("true")).build())
                .isInstanceOf(KilnException.class)
                .extracting(e -> ((KilnException) e).kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT);
    }

    @Test
    void emptyCommandRelativeRootfsAndBadHostname_areRejected() {
        assertThatThrownBy(() -> ExecRequest.builder("id", ROOTFS, List.of()).build())
                .hasMessageContaining("no command");
        assertThatThrownBy(() -> ExecRequest.builder("id", Path.of("rel"), List.of("true")).build())
                .hasMessageContaining("absolute rootfs");
        assertThatThrownBy(() -> ExecRequest.builder("id", ROOTFS, List.of("true")).hostname("a\nb").build())
                .hasMessageContaining("invalid hostname");
    }

    @Test
    void mounts_areValidated() {
        assertThat(ContainerMount.bind("mnt/../data/", Path.of("/src"), true).destination()).isEqualTo("/data");
        assertThatThrownBy(() -> ContainerMount.bind("/", Path.of("/src"), false))
                .hasMessageContaining("cannot replace the root");
        assertThatThrownBy(() -> ContainerMount.bind("/data", Path.of("src"), false))
                .hasMessageContaining("absolute source");
        assertThatThrownBy(() -> ContainerMount.tmpfs("/t", -1)).hasMessageContaining("negative size");
    }

    @Test
    void modes_parseTheGraphSpelling() {
        assertThat(NetworkMode.parse("")).isEqualTo(NetworkMode.SANDBOX);
        assertThat(NetworkMode.parse("none")).isEqualTo(NetworkMode.NONE);
        assertThat(SecurityMode.parse("insecure")).isEqualTo(SecurityMode.INSECURE);
        assertThatThrownBy(() -> NetworkMode.parse("bridge")).hasMessage("unknown network mode bridge");
    }
}
