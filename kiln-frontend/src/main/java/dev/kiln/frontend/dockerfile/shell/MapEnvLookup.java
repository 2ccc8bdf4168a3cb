package dev.kiln.frontend.dockerfile.shell;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An {@link EnvLookup} over a map, remembering the key list it was built from. */
record MapEnvLookup(Map<String, String> values, List<String> keys) implements EnvLookup {
    MapEnvLookup {
        values = Collections.unmodifiableMap(values);
        keys = List.copyOf(keys);
    }

    @Override
    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }
}
