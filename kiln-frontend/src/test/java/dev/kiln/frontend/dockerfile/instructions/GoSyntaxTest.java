package dev.kiln.frontend.dockerfile.instructions;

import dev.kiln.core.KilnException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Go's duration, integer and size syntax as BuildKit's flags use them. */
class GoSyntaxTest {
    @Test
    void durations() {
        assertThat(GoDuration.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(GoDuration.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(GoDuration.parse("-1.5h")).isEqualTo(Duration.ofMinutes(-90));
        assertThat(GoDuration.parse(".5us")).isEqualTo(Duration.ofNanos(500));
        assertThat(GoDuration.parse("1µs2ns")).isEqualTo(Duration.ofNanos(1002));
        assertThat(GoDuration.parse("0")).isEqualTo(Duration.ZERO);
        assertThat(GoDuration.parse("2562047h47m16.854775807s")).isEqualTo(Duration.ofNanos(Long.MAX_VALUE));
        assertThatThrownBy(() -> GoDuration.parse("2562047h47m16.854775808s"))
                .hasMessage("time: invalid duration \"2562047h47m16.854775808s\"");
        assertThatThrownBy(() -> GoDuration.parse("")).hasMessage("time: invalid duration \"\"");
        assertThatThrownBy(() -> GoDuration.parse("1e3s")).hasMessage("time: unknown unit \"e\" in duration \"1e3s\"");
        assertThatThrownBy(() -> GoDuration.parse("5é")).hasMessage("time: unknown unit \"\\xc3\\xa9\" in duration \"5\\xc3\\xa9\"");
        assertThatThrownBy(() -> GoDuration.parse(".s")).isInstanceOf(KilnException.class);
    }

    @Test
    void integers() {
        assertThat(GoNumbers.parseUint("0755", 8, 32)).isEqualTo(OptionalLong.of(0755));
        assertThat(GoNumbers.parseUint("4294967295", 10, 32)).isEqualTo(OptionalLong.of(4294967295L));
        assertThat(GoNumbers.parseUint("4294967296", 10, 32)).isEmpty();
        assertThat(GoNumbers.parseUint("8", 8, 32)).isEmpty();
        assertThat(GoNumbers.parseUint("+1", 10, 32)).isEmpty();
        assertThat(GoNumbers.parseUint("", 10, 32)).isEmpty();
        assertThat(GoNumbers.parseInt32("-2147483648")).isEqualTo(Integer.MIN_VALUE);
        assertThat(GoNumbers.parseInt32("+7")).isEqualTo(7);
        assertThat(List.of("1", "t", "TRUE", "True").stream().map(GoNumbers::parseBool).toList())
                .allSatisfy(b -> assertThat(b).hasValue(true));
        assertThat(GoNumbers.parseBool("yes")).isEmpty();
    }

    @Test
    void sizes() {
        assertThat(GoNumbers.ramInBytes("512")).isEqualTo(OptionalLong.of(512));
        assertThat(GoNumbers.ramInBytes("10 MiB")).isEqualTo(OptionalLong.of(10L << 20));
        assertThat(GoNumbers.ramInBytes("2gb")).isEqualTo(OptionalLong.of(2L << 30));
        assertThat(GoNumbers.ramInBytes("1k")).isEqualTo(OptionalLong.of(1024));
        assertThat(GoNumbers.ramInBytes("1kx")).isEmpty();
        assertThat(GoNumbers.ramInBytes("-1k")).isEmpty();
        assertThat(GoNumbers.ramInBytes("m")).isEmpty();
    }
}
