package dev.kiln.worker.registry;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageReferenceTest {
    private static final String D = "sha256:8ea17453c68acf2c13c07e5c61e13ca0fbfb002dd0207952394d36e13fcd79eb";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            busybox                          | docker.io/library/busybox:latest          | busybox:latest
            busybox:1.36                     | docker.io/library/busybox:1.36            | busybox:1.36
            library/busybox                  | docker.io/library/busybox:latest          | busybox:latest
            docker.io/busybox                | docker.io/library/busybox:latest          | busybox:latest
            index.docker.io/library/busybox  | docker.io/library/busybox:latest          | busybox:latest
            foo/bar                          | docker.io/foo/bar:latest                  | foo/bar:latest
            library/a/b                      | docker.io/library/a/b:latest              | library/a/b:latest
            localhost/foo                    | localhost/foo:latest                      | localhost/foo:latest
            localhost:5000/foo/bar:v1        | localhost:5000/foo/bar:v1                 | localhost:5000/foo/bar:v1
            127.0.0.1:5000/library/busybox   | 127.0.0.1:5000/library/busybox:latest     | 127.0.0.1:5000/library/busybox:latest
            ghcr.io/org/img:Tag_1.0-rc       | ghcr.io/org/img:Tag_1.0-rc                | ghcr.io/org/img:Tag_1.0-rc
            Registry/foo                     | Registry/foo:latest                       | Registry/foo:latest
            [::1]:5000/foo                   | [::1]:5000/foo:latest                     | [::1]:5000/foo:latest
            a__b/c.d/e--f                    | docker.io/a__b/c.d/e--f:latest            | a__b/c.d/e--f:latest
            """)
    void parse_normalisesLikeDocker(String input, String normalised, String familiar) {
        ImageReference ref = ImageReference.parse(input);
        assertThat(ref.toString()).isEqualTo(normalised);
        assertThat(ref.familiarString()).isEqualTo(familiar);
        assertThat(ImageReference.parse(ref.toString())).isEqualTo(ref);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            busybox@DIGEST                           | docker.io/library/busybox@DIGEST                | | DIGEST
            busybox:1.36@DIGEST                      | docker.io/library/busybox:1.36@DIGEST           | 1.36 | DIGEST
            127.0.0.1:5000/library/busybox@DIGEST    | 127.0.0.1:5000/library/busybox@DIGEST           | | DIGEST
            """)
    void parse_keepsDigestAndDoesNotInventATag(String input, String normalised, String tag, String digest) {
        ImageReference ref = ImageReference.parse(input.replace("DIGEST", D));
        assertThat(ref.toString()).isEqualTo(normalised.replace("DIGEST", D));
        assertThat(ref.tag()).isEqualTo(tag);
        assertThat(ref.digest()).hasToString(digest.replace("DIGEST", D));
        assertThat(ref.manifestReference()).isEqualTo(D);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                        | repository name must have at least one component
            Busybox                   | invalid reference format: repository name (library/Busybox) must be lowercase
            docker.io/Foo/bar         | invalid reference format: repository name (Foo/bar) must be lowercase
            busybox:                  | invalid reference format
            busybox:-tag              | invalid reference format
            -busybox                  | invalid reference format
            foo//bar                  | invalid reference format
            'foo bar'                 | invalid reference format
            busybox@sha256:abc        | invalid reference format
            busybox@md5:0123456789abcdef0123456789abcdef | invalid or unsupported digest md5:0123456789abcdef0123456789abcdef
            8ea17453c68acf2c13c07e5c61e13ca0fbfb002dd0207952394d36e13fcd79eb | cannot specify 64-byte hexadecimal strings
            """)
    void parse_rejectsInvalidReferencesNamingTheInput(String input, String why) {
        assertThatThrownBy(() -> ImageReference.parse(input))
                .isInstanceOfSatisfying(KilnException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT))
                .hasMessageStartingWith("invalid reference \"" + input + "\": ")
                .hasMessageContaining(why);
    }

    @org.junit.jupiter.api.Test
    void parse_rejectsOverlongNames() {
        String longName = "a".repeat(256);
        assertThatThrownBy(() -> ImageReference.parse(longName))
                .hasMessageContaining("must not be more than 255 characters");
        assertThat(ImageReference.parse("a".repeat(247)).path()).hasSize(255);
    }

    @org.junit.jupiter.api.Test
    void derivedReferences() {
        ImageReference ref = ImageReference.parse("127.0.0.1:5000/library/busybox:latest");
        dev.kiln.core.Digest d = dev.kiln.core.Digest.parse(D);
        assertThat(ref.withDigest(d)).hasToString("127.0.0.1:5000/library/busybox:latest@" + D);
        assertThat(ref.byDigest(d)).hasToString("127.0.0.1:5000/library/busybox@" + D);
        assertThat(ref.withTag("v2")).hasToString("127.0.0.1:5000/library/busybox:v2");
        assertThat(ref.name()).isEqualTo("127.0.0.1:5000/library/busybox");
        assertThat(ref.domain()).isEqualTo("127.0.0.1:5000");
        assertThat(ref.path()).isEqualTo("library/busybox");
        assertThat(ImageReference.parse("busybox").familiarName()).isEqualTo("busybox");
    }
}
