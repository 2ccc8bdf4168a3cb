package dev.kiln.frontend.dockerfile.convert;

import dev.kiln.core.KilnException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageRefTest {
    @ParameterizedTest
    @CsvSource({
            "busybox, docker.io/library/busybox:latest",
            "busybox:1.36, docker.io/library/busybox:1.36",
            "library/alpine, docker.io/library/alpine:latest",
            "user/app:v1, docker.io/user/app:v1",
            "index.docker.io/foo, docker.io/library/foo:latest",
            "127.0.0.1:5000/library/busybox, 127.0.0.1:5000/library/busybox:latest",
            "localhost/x, localhost/x:latest",
            "ghcr.io/a/b/c:tag, ghcr.io/a/b/c:tag",
            "busybox@sha256:0123456789012345678901234567890123456789012345678901234567890123,"
                    + " docker.io/library/busybox@sha256:0123456789012345678901234567890123456789012345678901234567890123"})
    void normalizesLikeDistributionReference(String in, String out) {
        assertThat(ImageRef.normalize(in)).isEqualTo(out);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "busybox:", "Busybox", "a b", "busybox:latest:x", ":tag", "-x", "x/",
            "0123456789012345678901234567890123456789012345678901234567890123"})
    void rejectsInvalidReferences(String ref) {
        assertThat(ImageRef.isValid(ref)).isFalse();
        assertThatThrownBy(() -> ImageRef.normalize(ref)).isInstanceOf(KilnException.class);
    }

    @ParameterizedTest
    @CsvSource({"Busybox, invalid reference format: repository name (library/Busybox) must be lowercase",
            "'busybox:', invalid reference format"})
    void errorMessagesMatchUpstream(String ref, String message) {
        assertThatThrownBy(() -> ImageRef.normalize(ref)).hasMessage(message);
    }

    @ParameterizedTest
    @CsvSource({"docker.io/library/busybox:latest, docker.io/library/busybox:latest@sha256:ab",
            "docker.io/library/busybox@sha256:cd, docker.io/library/busybox@sha256:ab"})
    void digestIsAppendedOrReplaced(String ref, String pinned) {
        assertThat(ImageRef.withDigest(ref, "sha256:ab")).isEqualTo(pinned);
    }
}
