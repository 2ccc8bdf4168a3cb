package dev.kiln.frontend.dockerfile.convert;

import dev.kiln.frontend.dockerfile.shell.EnvLookup;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The environment of a build step, as BuildKit's {@code llb.EnvList}: setting a variable removes any
 * earlier entry and appends the new one, so the order is "last set last". Immutable.
 */
final class EnvList implements EnvLookup {
    static final EnvList EMPTY = new EnvList(List.of());

    private final List<String[]> entries;

    private EnvList(List<String[]> entries) {
        this.entries = entries;
    }

    EnvList with(String key, String value) {
        List<String[]> next = new ArrayList<>(entries.size() + 1);
        for (String[] e : entries) {
            if (!e[0].equals(key)) {
                next.add(e);
            }
        }
        next.add(new String[] {key, value});
        return new EnvList(List.copyOf(next));
    }

    @Override
    public Optional<String> get(String key) {
        for (String[] e : entries) {
            if (e[0].equals(key)) {
                return Optional.of(e[1]);
            }
        }
        return Optional.empty();
    }

    @Override
    public List<String> keys() {
        return entries.stream().map(e -> e[0]).toList();
    }

    /** {@code KEY=value} strings in order, as an exec's environment. */
    List<String> toList() {
        return entries.stream().map(e -> e[0] + "=" + e[1]).toList();
    }
}
