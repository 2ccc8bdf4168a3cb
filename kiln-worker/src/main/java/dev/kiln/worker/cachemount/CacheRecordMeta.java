package dev.kiln.worker.cachemount;

import dev.kiln.core.json.Json;
import dev.kiln.core.json.JsonObject;
import dev.kiln.core.json.JsonValue;
import dev.kiln.core.json.JsonWritable;
import dev.kiln.core.json.JsonWriter;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.UUID;

/**
 * The {@code meta.json} of one cache directory record. Times are nanoseconds since the epoch: fine enough that
 * records made one after the other sort in order.
 */
record CacheRecordMeta(String key, String sourceKey, long createdNanos, long lastUsedNanos) implements JsonWritable {
    static final String FILE = "meta.json";

    CacheRecordMeta {
        sourceKey = sourceKey == null ? "" : sourceKey;
    }

    CacheRecordMeta usedAt(long nanos) {
        return new CacheRecordMeta(key, sourceKey, createdNanos, nanos);
    }

    static long now() {
        Instant t = Instant.now();
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }

    boolean matches(CacheMountSpec spec) {
        return key.equals(spec.key()) && sourceKey.equals(spec.sourceKey());
    }

    static CacheRecordMeta read(Path recordDir) throws IOException {
        return Json.parse(Files.readAllBytes(recordDir.resolve(FILE)), CacheRecordMeta::fromJson,
                "cache mount metadata " + recordDir.resolve(FILE));
    }

    static CacheRecordMeta fromJson(JsonValue json) {
        JsonObject o = json.asObject();
        return new CacheRecordMeta(o.getString("key"), o.getString("sourceKey"), o.getLong("createdNanos"),
                o.getLong("lastUsedNanos"));
    }

    @Override
    public void writeJson(JsonWriter w) {
        w.beginObject().field("key", key).field("sourceKey", sourceKey).field("createdNanos", createdNanos)
                .field("lastUsedNanos", lastUsedNanos).endObject();
    }

    /** Replaces the record's metadata atomically: a crash leaves the old or the new file, never a torn one. */
    void write(Path recordDir) throws IOException {
        Path tmp = recordDir.resolve(FILE + "." + UUID.randomUUID() + ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(Json.bytes(this));
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            Files.move(tmp, recordDir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        syncDirectory(recordDir);
    }

    static void syncDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }
}
