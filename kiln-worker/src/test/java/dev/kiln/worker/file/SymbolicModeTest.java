package dev.kiln.worker.file;

import dev.kiln.core.KilnException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SymbolicModeTest {
    @ParameterizedTest(name = "{0} on {1} (dir={2}) = {3}")
    @CsvSource({
        "u+x, 644, false, 744",
        "g-w, 664, false, 644",
        "o=r, 777, false, 774",
        "'u+x,g-w,o=r', 666, false, 744",
        "a+X, 644, false, 644",
        "a+X, 744, false, 755",
        "a+X, 600, true, 711",
        "+x, 600, false, 711",
        "go=, 777, false, 700",
        "'u=rwx,go=rx', 0, false, 755",
        "g=u, 740, false, 770",
        "o+t, 755, true, 1755",
        "u+s, 755, false, 4755",
        "ug+s, 755, false, 6755",
        "a-x+w, 555, false, 666",
    })
    void apply(String mode, String before, boolean dir, String after) {
        assertThat(Integer.toOctalString(SymbolicMode.parse(mode).apply(Integer.parseInt(before, 8), dir)))
                .isEqualTo(after);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "u", "u+q", "x+u", "u+ug", ",", "u+x,", "755", "uu"})
    void invalid(String mode) {
        assertThatThrownBy(() -> SymbolicMode.parse(mode)).isInstanceOf(KilnException.class)
                .hasMessage("invalid chmod mode: " + mode);
    }
}
