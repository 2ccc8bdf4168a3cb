package dev.kiln.cli.build;

import dev.kiln.core.KilnException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SizesTest {
    @Test
    void dockerRamSizes_areBinaryAndCaseInsensitive() {
        assertThat(Sizes.parse("1024", "--shm-size")).isEqualTo(1024);
        assertThat(Sizes.parse("64m", "--shm-size")).isEqualTo(64L << 20);
        assertThat(Sizes.parse("1.5G", "--shm-size")).isEqualTo(3L << 29);
        assertThat(Sizes.parse("2kb", "--shm-size")).isEqualTo(2048);
        assertThat(Sizes.parse(null, "--shm-size")).isZero();
    }

    @Test
    void garbage_isAOneLineErrorNamingTheFlag() {
        assertThatThrownBy(() -> Sizes.parse("lots", "--shm-size"))
                .isInstanceOf(KilnException.class)
                .hasMessage("invalid --shm-size lots: expected a size like 64m");
    }
}
