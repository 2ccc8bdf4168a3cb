package dev.kiln.exporter;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

/**
 * What the export tests share: one {@link ExportFixture} per test class (it pulls busybox and builds a layer),
 * and a fresh {@code tmp} directory per test.
 */
abstract class WithExportFixture {
    /** The SOURCE_DATE_EPOCH of the tests that pin times. */
    static final Instant EPOCH = Instant.parse("2024-06-01T00:00:00Z");

    @TempDir
    static Path shared;
    static ExportFixture fixture;
    @TempDir
    Path tmp;

    @BeforeAll
    static void buildFixture() throws IOException {
        fixture = ExportFixture.create(shared);
    }
}
