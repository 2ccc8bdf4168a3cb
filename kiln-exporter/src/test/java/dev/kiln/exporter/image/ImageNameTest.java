package dev.kiln.exporter.image;

import dev.kiln.core.KilnException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageNameTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "busybox|docker.io/library/busybox:latest|busybox:latest|latest",
            "user/app:1.0|docker.io/user/app:1.0|user/app:1.0|1.0",
            "docker.io/library/alpine:3|docker.io/library/alpine:3|alpine:3|3",
            "index.docker.io/library/alpine|docker.io/library/alpine:latest|alpine:latest|latest",
            "127.0.0.1:5000/library/busybox:latest|127.0.0.1:5000/library/busybox:latest|127.0.0.1:5000/library/busybox:latest|latest",
            "localhost/app|localhost/app:latest|localhost/app:latest|latest",
            "ghcr.io/o/r/deep:tag|ghcr.io/o/r/deep:tag|ghcr.io/o/r/deep:tag|tag",
            "app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef|"
                    + "docker.io/library/app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef|"
                    + "app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef|"
                    + "@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"})
    void parse_normalizesLikeDockerReference(String input, String normalized, String familiar, String refName) {
        ImageName name = ImageName.parse(input);

        assertThat(name.toString()).isEqualTo(normalized);
        assertThat(name.familiar()).isEqualTo(familiar);
        assertThat(name.ociReferenceName()).isEqualTo(refName);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "App|repository name must be lowercase",
            "app:bad tag|invalid tag",
            "a//b|invalid reference format",
            "|invalid reference format",
            "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef|cannot specify 64-byte hexadecimal strings",
            "app@sha256:short|invalid digest"})
    void parse_invalid_isRejected(String input, String why) {
        String name = input == null ? "" : input;
        assertThatThrownBy(() -> ImageName.parse(name))
                .isInstanceOf(KilnException.class)
                .hasMessage("invalid image name \"" + name + "\": " + why);
    }
}
