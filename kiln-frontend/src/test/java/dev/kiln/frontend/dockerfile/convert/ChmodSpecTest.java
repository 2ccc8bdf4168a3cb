package dev.kiln.frontend.dockerfile.convert;

import dev.kiln.core.KilnException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChmodSpecTest {
    @Test
    void octalModes() {
        assertThat(ChmodSpec.parse("0644")).isEqualTo(new ChmodSpec(0644, null));
        assertThat(ChmodSpec.parse("7777")).isEqualTo(new ChmodSpec(07777, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"u+x", "go-w", "=rw,+X", "u=rwx,go=u-w", "a+rwx", "go="})
    void symbolicModesAreKeptAsWritten(String mode) {
        assertThat(ChmodSpec.parse(mode)).isEqualTo(new ChmodSpec(null, mode));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10000", "0999", "8", "12a"})
    void numericOutOfRangeUsesBuildkitMessage(String mode) {
        assertThatThrownBy(() -> ChmodSpec.parse(mode)).isInstanceOf(KilnException.class)
                .hasMessage("invalid chmod parameter: '" + mode + "'. it should be octal string and between 0 and 07777");
    }

    @ParameterizedTest
    @ValueSource(strings = {"u", "x+", "u+x,", "+y", "ug"})
    void badSymbolicModesAreRejected(String mode) {
        assertThatThrownBy(() -> ChmodSpec.parse(mode)).isInstanceOf(KilnException.class)
                .hasMessageContaining("invalid chmod parameter");
    }
}
