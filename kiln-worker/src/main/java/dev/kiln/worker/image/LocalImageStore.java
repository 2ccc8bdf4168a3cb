package dev.kiln.worker.image;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.core.json.Json;
import dev.kiln.core.json.JsonObject;
import dev.kiln.core.json.JsonValue;
import dev.kiln.core.json.JsonWritable;
import dev.kiln.core.json.JsonWriter;
import dev.kiln.core.oci.Descriptor;
import dev.kiln.worker.registry.ImageReference;
import dev.kiln.worker.sys.AtomicFiles;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The image store as one JSON file, {@code <state>/images.json}. Every change is a read-modify-write under an
 * exclusive lock ({@code images.lock}, so concurrent kiln processes serialise) that writes a temp file, fsyncs it
 * and renames it over the old one: after a crash the file is either the old or the new version, never a mix.
 */
public final class LocalImageStore implements ImageStore {
    /** Within one JVM the file lock cannot serialise threads, so they also share a monitor per file. */
    private static final Map<Path, Object> MONITORS = new ConcurrentHashMap<>();

    private final Path dir;
    private final Path file;
    private final Path lockFile;

    public LocalImageStore(Path stateRoot) {
        this.dir = stateRoot;
        this.file = stateRoot.resolve("images.json");
        this.lockFile = stateRoot.resolve("images.lock");
        try {
            Files.createDirectories(stateRoot);
        } catch (IOException e) {
            throw failure("creating " + stateRoot, e);
        }
    }

    private record StoreFile(List<Entry> images) implements JsonWritable {
        @Override
        public void writeJson(JsonWriter w) {
            w.beginObject().field("images", images).endObject();
        }

        static StoreFile fromJson(JsonValue json) {
            return new StoreFile(json.asObject().getList("images", Entry::fromJson));
        }
    }

    private record Entry(String name, Descriptor target, String created) implements JsonWritable {
        @Override
        public void writeJson(JsonWriter w) {
            w.beginObject().field("name", name).field("target", target).field("created", created).endObject();
        }

        static Entry fromJson(JsonValue json) {
            JsonObject o = json.asObject();
            return new Entry(o.getString("name"), o.get("target", Descriptor::fromJson), o.getString("created"));
        }

        ImageRecord toRecord(Path file) {
            try {
                return new ImageRecord(name, target, Instant.parse(created));
            } catch (DateTimeParseException | NullPointerException e) {
                throw new KilnException(ErrorKind.INTERNAL, "image store " + file + ": bad creation time for " + name);
            }
        }
    }

    @Override
    public ImageRecord put(ImageReference name, Descriptor target) {
        String key = name.toString();
        return update(images -> {
            Optional<Entry> same = images.stream()
                    .filter(e -> e.name().equals(key) && e.target().equals(target)).findFirst();
            if (same.isPresent()) {
                return same.get().toRecord(file); // a cached rebuild names the same image again
            }
            images.removeIf(e -> e.name().equals(key));
            Entry added = new Entry(key, target, Instant.now().toString());
            images.add(added);
            return added.toRecord(file);
        });
    }

    @Override
    public Optional<ImageRecord> get(ImageReference name) {
        String key = name.toString();
        return list().stream().filter(r -> r.name().equals(key)).findFirst();
    }

    @Override
    public List<ImageRecord> list() {
        // No lock: writers replace the file by an atomic rename, so a reader sees one whole version or the other.
        return read().stream().map(e -> e.toRecord(file)).sorted(Comparator.comparing(ImageRecord::name)).toList();
    }

    @Override
    public boolean remove(ImageReference name) {
        String key = name.toString();
        return update(images -> images.removeIf(e -> e.name().equals(key)));
    }

    /** Applies {@code change} under the lock; the file is rewritten (and synced) only when the list changed. */
    private <T> T update(Function<List<Entry>, T> change) {
        return locked(() -> {
            List<Entry> before = read();
            List<Entry> images = new ArrayList<>(before);
            T result = change.apply(images);
            if (!images.equals(before)) {
                write(images);
            }
            return result;
        });
    }

    private <T> T locked(Supplier<T> action) {
        synchronized (MONITORS.computeIfAbsent(lockFile.toAbsolutePath(), p -> new Object())) {
            try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                ch.lock(); // released when the channel closes
                return action.get();
            } catch (IOException e) {
                throw failure("locking " + lockFile, e);
            }
        }
    }

    private List<Entry> read() {
        byte[] data;
        try {
            data = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw failure("reading", e);
        }
        StoreFile parsed = Json.parse(data, StoreFile::fromJson, "image store " + file);
        return parsed.images() == null ? List.of() : parsed.images();
    }

    private void write(List<Entry> images) {
        try {
            AtomicFiles.write(file, Json.bytes(new StoreFile(images)));
        } catch (IOException e) {
            throw failure("writing", e);
        }
    }

    private KilnException failure(String what, IOException e) {
        return new KilnException(ErrorKind.INTERNAL, "image store " + file + ": " + what + ": " + e, e);
    }
}
