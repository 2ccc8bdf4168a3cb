package dev.kiln.worker.image;

import dev.kiln.core.Digest;
import dev.kiln.core.oci.Descriptor;
import dev.kiln.core.oci.Descriptor.OciPlatform;
import dev.kiln.core.oci.MediaTypes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PlatformMatcherTest {

    /** An index with one manifest per platform ({@code os/arch[/variant]}), in the given order. */
    private static List<Descriptor> index(String platforms) {
        List<Descriptor> out = new ArrayList<>();
        for (String p : platforms.split(" ")) {
            String[] parts = p.split("/");
            out.add(new Descriptor(MediaTypes.OCI_MANIFEST, Digest.sha256(p).toString(), 1, null,
                    new OciPlatform(parts[1], parts[0], parts.length > 2 ? parts[2] : null, null)));
        }
        return out;
    }

    @ParameterizedTest(name = "{1} from [{0}] -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            linux/amd64 linux/arm64/v8          | linux/amd64      | linux/amd64
            linux/amd64 linux/arm64/v8          | linux/x86_64     | linux/amd64
            linux/amd64 linux/arm64/v8          | linux/arm64      | linux/arm64/v8
            linux/amd64 linux/arm64             | linux/aarch64/v8 | linux/arm64
            linux/amd64 linux/arm/v6 linux/arm/v7 | linux/arm      | linux/arm/v7
            linux/amd64 linux/arm/v6            | linux/arm/v7     | linux/arm/v6
            linux/amd64 linux/arm/v7            | linux/arm64      | linux/arm/v7
            linux/amd64/v2 linux/amd64          | linux/amd64/v3   | linux/amd64/v2
            linux/amd64 linux/amd64/v3          | linux/amd64      | linux/amd64
            unknown/unknown linux/amd64         | linux/amd64      | linux/amd64
            windows/amd64 linux/amd64           | linux/amd64      | linux/amd64
            linux/amd64 linux/arm64             | linux/s390x      | none
            linux/arm/v7                        | linux/arm/v6     | none
            linux/amd64/v3                      | linux/amd64      | none
            """)
    void select_prefersExactThenCompatible(String available, String wanted, String expected) {
        String[] w = wanted.split("/");
        OciPlatform want = new OciPlatform(w[1], w[0], w.length > 2 ? w[2] : null, null);
        assertThat(PlatformMatcher.select(index(available), want).map(d -> d.digest()))
                .isEqualTo(expected.equals("none") ? java.util.Optional.empty()
                        : java.util.Optional.of(Digest.sha256(expected).toString()));
    }
}
