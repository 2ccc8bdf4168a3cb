package dev.kiln.exporter.compress;

import com.github.luben.zstd.ZstdInputStream;
import dev.kiln.core.Digest;
import dev.kiln.core.KilnException;
import dev.kiln.core.content.ContentStore;
import dev.kiln.core.content.LocalContentStore;
import dev.kiln.exporter.testing.SampleData;
import dev.kiln.exporter.testing.Tool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LayerCompressorTest {
    private static final int BLOCK = ParallelGzipOutputStream.BLOCK_SIZE;

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 100, BLOCK - 1, BLOCK, BLOCK + 1, 32 * 1024 + BLOCK, 5 * BLOCK + 12345})
    void gzip_anySize_roundTripsThroughJavaAndReportsDigests(int size) throws IOException {
        byte[] tar = SampleData.compressible(size, size);
        ByteArrayOutputStream blob = new ByteArrayOutputStream();

        LayerCompressor.TarStats stats = LayerCompressor.compress(new ByteArrayInputStream(tar), blob, Compression.GZIP, 6);

        assertThat(new GZIPInputStream(new ByteArrayInputStream(blob.toByteArray())).readAllBytes()).isEqualTo(tar);
        assertThat(stats.diffId()).isEqualTo(Digest.sha256(tar));
        assertThat(stats.size()).isEqualTo(size);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gzip", "zstd", "uncompressed"})
    void compress_intoContentStore_commitsBlobUnderItsDigest(String type) throws IOException {
        ContentStore store = new LocalContentStore(tmp.resolve("store"));
        byte[] tar = SampleData.compressible(BLOCK + 99, 11);
        Compression compression = Compression.parse(type);

        CompressedLayer layer = LayerCompressor.compress(new ByteArrayInputStream(tar), store, compression,
                compression.defaultLevel());

        byte[] blob = store.read(layer.blobDigest(), Long.MAX_VALUE);
        assertThat(Digest.sha256(blob)).isEqualTo(layer.blobDigest());
        assertThat(layer.blobSize()).isEqualTo(blob.length);
        assertThat(layer.diffId()).isEqualTo(Digest.sha256(tar));
        assertThat(layer.tarSize()).isEqualTo(tar.length);
        assertThat(compression.decompressing(new ByteArrayInputStream(blob)).readAllBytes()).isEqualTo(tar);
        assertThat(store.list()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 6, 9})
    void gzip_everyLevel_isAcceptedByGnuGzipAndPigz(int level) throws Exception {
        byte[] tar = SampleData.compressible(3 * BLOCK + 999, level);
        Path blob = tmp.resolve("layer-" + level + ".gz");
        try (var out = Files.newOutputStream(blob)) {
            LayerCompressor.compress(new ByteArrayInputStream(tar), out, Compression.GZIP, level);
        }

        assertThat(Tool.run("gzip", "-t", blob.toString()).exitCode()).isZero();
        assertThat(Tool.run("pigz", "-t", blob.toString()).exitCode()).isZero();
        Path plain = tmp.resolve("layer-" + level);
        assertThat(Tool.run("sh", "-c", "gzip -dc '" + blob + "' > '" + plain + "'").exitCode()).isZero();
        assertThat(Files.readAllBytes(plain)).isEqualTo(tar);
    }

    @Test
    void gzip_sameInput_sameBytes() throws IOException {
        byte[] tar = SampleData.compressible(4 * BLOCK + 7, 42);
        ByteArrayOutputStream a = new ByteArrayOutputStream();
        ByteArrayOutputStream b = new ByteArrayOutputStream();

        LayerCompressor.compress(new ByteArrayInputStream(tar), a, Compression.GZIP, 6);
        LayerCompressor.compress(new ByteArrayInputStream(tar), b, Compression.GZIP, 6);

        assertThat(a.toByteArray()).isEqualTo(b.toByteArray());
    }

    @Test
    void gzip_dictionaryPriming_keepsRatioCloseToSingleStreamGzip() throws IOException {
        byte[] tar = SampleData.compressible(8 * BLOCK, 7);
        ByteArrayOutputStream parallel = new ByteArrayOutputStream();
        LayerCompressor.compress(new ByteArrayInputStream(tar), parallel, Compression.GZIP, 6);
        ByteArrayOutputStream single = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(single)) {
            gz.write(tar);
        }

        assertThat((double) parallel.size()).isLessThan(single.size() * 1.01);
    }

    @Test
    void zstd_roundTripsAndPassesZstdTest() throws Exception {
        byte[] tar = SampleData.compressible(3 * 1024 * 1024 + 5, 3);
        Path blob = tmp.resolve("layer.zst");
        LayerCompressor.TarStats stats;
        try (var out = Files.newOutputStream(blob)) {
            stats = LayerCompressor.compress(new ByteArrayInputStream(tar), out, Compression.ZSTD, 3);
        }

        try (var in = new ZstdInputStream(Files.newInputStream(blob))) {
            assertThat(in.readAllBytes()).isEqualTo(tar);
        }
        assertThat(Tool.run("zstd", "-t", "-q", blob.toString()).exitCode()).isZero();
        assertThat(stats.diffId()).isEqualTo(Digest.sha256(tar));
    }

    @Test
    void zstd_sameInput_sameBytes() throws IOException {
        byte[] tar = SampleData.compressible(2 * 1024 * 1024, 9);
        ByteArrayOutputStream a = new ByteArrayOutputStream();
        ByteArrayOutputStream b = new ByteArrayOutputStream();

        LayerCompressor.compress(new ByteArrayInputStream(tar), a, Compression.ZSTD, 9);
        LayerCompressor.compress(new ByteArrayInputStream(tar), b, Compression.ZSTD, 9);

        assertThat(a.toByteArray()).isEqualTo(b.toByteArray());
    }

    @Test
    void uncompressed_blobIsTheTar() throws IOException {
        byte[] tar = SampleData.compressible(10_000, 1);
        ByteArrayOutputStream blob = new ByteArrayOutputStream();

        LayerCompressor.compress(new ByteArrayInputStream(tar), blob, Compression.UNCOMPRESSED, 0);

        assertThat(blob.toByteArray()).isEqualTo(tar);
    }

    @Test
    void decompressing_readsWhatWasWritten() throws IOException {
        byte[] tar = SampleData.compressible(BLOCK * 2 + 3, 5);
        for (Compression c : Compression.values()) {
            ByteArrayOutputStream blob = new ByteArrayOutputStream();
            LayerCompressor.compress(new ByteArrayInputStream(tar), blob, c, c.defaultLevel());
            assertThat(c.decompressing(new ByteArrayInputStream(blob.toByteArray())).readAllBytes())
                    .as(c.attribute()).isEqualTo(tar);
        }
    }

    @Test
    void levels_outOfRange_areRejectedWithOneLine() {
        assertThatThrownBy(() -> new CompressionOptions(Compression.GZIP, 10, false))
                .isInstanceOf(KilnException.class).hasMessage("compression-level 10 is out of range 0-9 for gzip");
        assertThatThrownBy(() -> new CompressionOptions(Compression.ZSTD, 23, false))
                .isInstanceOf(KilnException.class).hasMessageContaining("0-22 for zstd");
        assertThatThrownBy(() -> Compression.parse("lz4"))
                .isInstanceOf(KilnException.class).hasMessageContaining("unsupported layer compression type: lz4");
    }
}
