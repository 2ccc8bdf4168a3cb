package dev.kiln.cli.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps a parsed kiln.toml onto {@link KilnConfig}: the keys Kiln knows must have their buildkitd.toml types, every
 * other key and table is ignored. Empty strings mean "unset", as in buildkitd.toml ({@code binary = ""}).
 */
final class ConfigBinder {
    private static final List<String> OCI = List.of("worker", "oci");
    private static final List<String> REGISTRY = List.of("registry");

    private final TomlDocument doc;

    private ConfigBinder(TomlDocument doc) {
        this.doc = doc;
    }

    static KilnConfig bind(TomlDocument doc) {
        ConfigBinder binder = new ConfigBinder(doc);
        return new KilnConfig(binder.string(List.of("root")), binder.worker(), binder.registries());
    }

    private KilnConfig.Worker worker() {
        if (table(OCI) == null) {
            return null;
        }
        return new KilnConfig.Worker(new KilnConfig.OciWorker(
                string(child(OCI, "binary")), count(child(OCI, "max-parallelism")), string(child(OCI, "snapshotter"))));
    }

    private Map<String, KilnConfig.Registry> registries() {
        Map<String, Object> hosts = table(REGISTRY);
        if (hosts == null) {
            return Map.of();
        }
        Map<String, KilnConfig.Registry> registries = new LinkedHashMap<>();
        for (String host : hosts.keySet()) {
            List<String> at = child(REGISTRY, host);
            table(at); // a host that is not a table is an error, not an empty registry entry
            registries.put(host, new KilnConfig.Registry(strings(child(at, "mirrors")), bool(child(at, "http")),
                    Boolean.TRUE.equals(bool(child(at, "insecure"))), strings(child(at, "ca"))));
        }
        return registries;
    }

    private String string(List<String> path) {
        String value = typed(path, String.class, "a string");
        return value == null || value.isEmpty() ? null : value;
    }

    private Boolean bool(List<String> path) {
        return typed(path, Boolean.class, "a boolean");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> table(List<String> path) {
        return typed(path, Map.class, "a table");
    }

    /** A non-negative int; 0 when absent. */
    private int count(List<String> path) {
        Long value = typed(path, Long.class, "an integer");
        if (value != null && (value < 0 || value > Integer.MAX_VALUE)) {
            throw doc.error(path, "expected an integer from 0 to " + Integer.MAX_VALUE);
        }
        return value == null ? 0 : value.intValue();
    }

    private List<String> strings(List<String> path) {
        Object value = get(path);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw doc.error(path, "expected an array of strings");
        }
        List<String> strings = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof String s)) {
                throw doc.error(path, "expected an array of strings");
            }
            strings.add(s);
        }
        return strings;
    }

    private <T> T typed(List<String> path, Class<T> type, String expected) {
        Object value = get(path);
        if (value == null || type.isInstance(value)) {
            return type.cast(value);
        }
        throw doc.error(path, "expected " + expected);
    }

    /** The value at {@code path}, or null when it or a table on the way is absent. */
    private Object get(List<String> path) {
        Object node = doc.root();
        for (int i = 0; i < path.size(); i++) {
            if (!(node instanceof Map<?, ?> table)) {
                throw doc.error(path.subList(0, i), "expected a table");
            }
            node = table.get(path.get(i));
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    private static List<String> child(List<String> path, String key) {
        List<String> keys = new ArrayList<>(path);
        keys.add(key);
        return keys;
    }
}
