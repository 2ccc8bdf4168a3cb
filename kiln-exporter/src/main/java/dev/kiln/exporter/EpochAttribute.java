package dev.kiln.exporter;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;

import java.time.Instant;
import java.util.Optional;

/**
 * The {@code source-date-epoch} attribute: absent, the build's SOURCE_DATE_EPOCH applies; empty, no epoch at all (the
 * way to switch it off for one output); otherwise seconds since the Unix epoch, overriding the build's.
 */
record EpochAttribute(Optional<String> value) {
    static final EpochAttribute ABSENT = new EpochAttribute(Optional.empty());

    EpochAttribute {
        value.filter(v -> !v.isEmpty()).ifPresent(EpochAttribute::parse);
    }

    Optional<Instant> resolve(Optional<Instant> fromBuild) {
        return value.isEmpty() ? fromBuild : value.filter(v -> !v.isEmpty()).map(EpochAttribute::parse);
    }

    private static Instant parse(String seconds) {
        try {
            return Instant.ofEpochSecond(Long.parseLong(seconds.strip()));
        } catch (NumberFormatException e) {
            throw new KilnException(ErrorKind.INVALID_ARGUMENT, "invalid SOURCE_DATE_EPOCH: " + seconds);
        }
    }
}
