package dev.kiln.frontend.dockerfile.convert;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The stages in file order, findable by (case-insensitive) name and by index. */
final class StageTable {
    private final List<StageState> states = new ArrayList<>();
    private final Map<String, StageState> byName = new HashMap<>();

    /** Adds a stage; one whose base name is an earlier stage's name is built on that stage. */
    void add(StageState s) {
        states.add(s);
        StageState base = byName.get(s.baseName);
        if (base != null) {
            s.base = base;
        }
        if (!s.declaredName.isEmpty()) {
            byName.put(s.declaredName.toLowerCase(Locale.ROOT), s);
        }
    }

    StageState byName(String name) {
        return byName.get(name.toLowerCase(Locale.ROOT));
    }

    StageState byIndex(long index) {
        if (index < 0 || index >= states.size()) {
            throw new KilnException(ErrorKind.INVALID_ARGUMENT, "invalid stage index " + index);
        }
        return states.get((int) index);
    }

    List<StageState> all() {
        return states;
    }

    StageState last() {
        return states.getLast();
    }

    /** The display names of the stages, for "did you mean" suggestions. */
    List<String> names() {
        return states.stream().map(s -> s.displayName).filter(n -> !n.isEmpty()).toList();
    }
}
