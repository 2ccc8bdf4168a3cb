package dev.kiln.frontend.dockerfile.shell;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The variables visible to an expansion (BuildKit's {@code shell.EnvGetter}). Names are case-sensitive. */
public interface EnvLookup {

    /** The value of {@code name}; empty when unset. A defined-but-empty variable yields {@code Optional.of("")}. */
    Optional<String> get(String name);

    /** Every defined name in definition order, repeats included (used for "did you mean" suggestions). */
    List<String> keys();

    /**
     * An environment from {@code KEY=VALUE} entries, like {@code shell.EnvsFromSlice}: an entry without
     * {@code =} defines the key with an empty value, and when a key repeats the last entry wins.
     */
    static EnvLookup fromList(List<String> entries) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> keys = entries.stream().map(e -> {
            int eq = e.indexOf('=');
            String key = eq < 0 ? e : e.substring(0, eq);
            values.put(key, eq < 0 ? "" : e.substring(eq + 1));
            return key;
        }).toList();
        return new MapEnvLookup(values, keys);
    }

    /** An environment holding exactly {@code vars}. */
    static EnvLookup of(Map<String, String> vars) {
        return new MapEnvLookup(new LinkedHashMap<>(vars), List.copyOf(vars.keySet()));
    }
}
