package dev.kiln.worker.session;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The build's secrets, id to value, held in this process's memory: values are read once when the build starts
 * and never enter Kiln's cache, snapshots, images or logs. A secret file lives on a tmpfs for one step; an
 * {@code env=} secret is part of the step's process environment, which runc reads from the bundle's config.json
 * in the executor's state directory for the duration of the step (as in BuildKit, whose state lives on /run).
 * Later flags with the same id win, as in BuildKit's store.
 */
public final class SecretStore {
    private final Map<String, byte[]> values;

    private SecretStore(Map<String, byte[]> values) {
        this.values = values;
    }

    public static SecretStore empty() {
        return new SecretStore(Map.of());
    }

    /** Values given directly (tests, API callers); the arrays are copied. */
    public static SecretStore of(Map<String, byte[]> values) {
        Map<String, byte[]> copy = new LinkedHashMap<>();
        values.forEach((id, v) -> copy.put(id, v.clone()));
        return new SecretStore(copy);
    }

    public static SecretStore load(List<SecretSpec> specs) {
        return load(specs, System.getenv());
    }

    /** Reads every secret now; an environment variable that is unset gives an empty value, as in BuildKit. */
    public static SecretStore load(List<SecretSpec> specs, Map<String, String> env) {
        Map<String, byte[]> values = new LinkedHashMap<>();
        for (SecretSpec spec : specs) {
            values.put(spec.id(), switch (spec.source()) {
                case SecretSource.Env e -> env.getOrDefault(e.name(), "").getBytes(StandardCharsets.UTF_8);
                case SecretSource.File f -> read(spec.id(), f);
            });
        }
        return new SecretStore(values);
    }

    public Set<String> ids() {
        return values.keySet();
    }

    /** A copy of the value, so callers can wipe theirs without touching the store. */
    public Optional<byte[]> get(String id) {
        return Optional.ofNullable(values.get(id)).map(byte[]::clone);
    }

    /** The value of a required secret; BuildKit's wording when the client did not provide it. */
    public byte[] require(String id) {
        return get(id).orElseThrow(() -> new KilnException(ErrorKind.NOT_FOUND, "secret " + id + ": not found"));
    }

    /** Masks every value of this store in step output. */
    public SecretMasker masker() {
        return SecretMasker.of(values);
    }

    private static byte[] read(String id, SecretSource.File f) {
        try {
            if (Files.size(f.path()) > SecretSpec.MAX_SIZE) {
                throw new KilnException(ErrorKind.INVALID_ARGUMENT, "secret " + id + " too big. max size 500KB");
            }
            return Files.readAllBytes(f.path());
        } catch (IOException e) {
            throw new KilnException(ErrorKind.INVALID_ARGUMENT, "secret " + id + ": failed to read " + f.path()
                    + ": " + e.getMessage(), e);
        }
    }
}
