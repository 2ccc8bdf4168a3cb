package dev.kiln.frontend.dockerfile.convert;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class GoDurationTest {
    @ParameterizedTest
    @CsvSource({
            "0, 0s", "1, 1ns", "1500, 1.5µs", "100000000, 100ms", "1000000000, 1s", "1500000000, 1.5s",
            "90000000000, 1m30s", "3600000000000, 1h0m0s", "3723000000000, 1h2m3s", "30000000000, 30s"})
    void formatsLikeGo(long nanos, String expected) {
        assertThat(GoDuration.format(nanos)).isEqualTo(expected);
    }

    @Test
    void digitsAreAscii_whateverTheDefaultLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("ar-EG")); // Arabic-Indic digits by default
            assertThat(GoDuration.format(1_500_000_000L)).isEqualTo("1.5s");
        } finally {
            Locale.setDefault(before);
        }
    }
}
