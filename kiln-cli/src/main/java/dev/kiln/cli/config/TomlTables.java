package dev.kiln.cli.config;

import dev.kiln.core.KilnException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tree a TOML document builds, and TOML's rules on where tables may be defined: a table is defined once, by a
 * header or by dotted keys; headers may create its super-tables implicitly; inline tables and arrays are complete as
 * written. Errors point at {@code at}, the offset of the header or key being read.
 */
final class TomlTables {
    private final String source;
    private final String text;
    private final Map<String, Object> root = new LinkedHashMap<>();
    /** Inline tables: nothing may be added to them later. */
    private final Set<Object> inlineTables = identitySet();
    /** Tables a header or dotted keys defined: no header may define them again. */
    private final Set<Object> defined = identitySet();
    /**
     * Tables dotted keys defined: more dotted keys may extend them. Only keys of the same section can reach them, as
     * their section's table cannot be opened again.
     */
    private final Set<Object> dottedTables = identitySet();
    /** Arrays that {@code [[header]]}s built, as opposed to array values. */
    private final Set<Object> tableArrays = identitySet();

    TomlTables(String source, String text) {
        this.source = source;
        this.text = text;
    }

    Map<String, Object> root() {
        return root;
    }

    /** The table a {@code [path]} header defines. */
    Map<String, Object> defineTable(List<String> path, int at) {
        Map<String, Object> parent = parentTable(path, at);
        Object existing = parent.get(path.getLast());
        if (existing == null) {
            Map<String, Object> table = new LinkedHashMap<>();
            parent.put(path.getLast(), table);
            defined.add(table);
            return table;
        }
        if (existing instanceof Map<?, ?> && !defined.contains(existing) && !inlineTables.contains(existing)) {
            defined.add(existing);
            return asTable(existing);
        }
        throw error(at, "table " + TomlDocument.dotted(path) + " is already defined");
    }

    /** The new last element of the array a {@code [[path]]} header appends to. */
    Map<String, Object> appendTable(List<String> path, int at) {
        Map<String, Object> parent = parentTable(path, at);
        Object existing = parent.get(path.getLast());
        if (existing == null) {
            existing = new ArrayList<>();
            parent.put(path.getLast(), existing);
            tableArrays.add(existing);
        } else if (!tableArrays.contains(existing)) {
            throw error(at, TomlDocument.dotted(path) + " is already defined and is not an array of tables");
        }
        Map<String, Object> table = new LinkedHashMap<>();
        defined.add(table);
        asList(existing).add(table);
        return table;
    }

    /** Sets {@code keys = value} in {@code table}, creating the tables that dotted keys name. */
    void put(Map<String, Object> table, List<String> keys, Object value, int at) {
        Map<String, Object> target = table;
        for (int i = 0; i < keys.size() - 1; i++) {
            target = dottedTable(target, keys.subList(0, i + 1), at);
        }
        if (target.putIfAbsent(keys.getLast(), value) != null) {
            throw error(at, "key " + TomlDocument.dotted(keys) + " is already defined");
        }
    }

    void closeInline(Map<String, Object> table) {
        inlineTables.add(table);
    }

    /** Walks a header's path to the table that will hold its last key, creating tables on the way. */
    private Map<String, Object> parentTable(List<String> path, int at) {
        Map<String, Object> table = root;
        for (int i = 0; i < path.size() - 1; i++) {
            Object child = table.get(path.get(i));
            if (child == null) {
                child = new LinkedHashMap<String, Object>();
                table.put(path.get(i), child);
            }
            if (tableArrays.contains(child)) {
                child = asList(child).getLast();
            }
            if (!(child instanceof Map<?, ?>) || inlineTables.contains(child)) {
                throw error(at, "key " + TomlDocument.dotted(path.subList(0, i + 1)) + " is already defined");
            }
            table = asTable(child);
        }
        return table;
    }

    private Map<String, Object> dottedTable(Map<String, Object> parent, List<String> keys, int at) {
        Object child = parent.get(keys.getLast());
        if (child == null) {
            Map<String, Object> table = new LinkedHashMap<>();
            parent.put(keys.getLast(), table);
            defined.add(table);
            dottedTables.add(table);
            return table;
        }
        boolean extensible = child instanceof Map<?, ?> && !inlineTables.contains(child)
                && (!defined.contains(child) || dottedTables.contains(child));
        if (!extensible) {
            throw error(at, "key " + TomlDocument.dotted(keys) + " is already defined");
        }
        return asTable(child);
    }

    private KilnException error(int at, String what) {
        return TomlDocument.error(source, text, at, what);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asTable(Object table) {
        return (Map<String, Object>) table;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> asList(Object list) {
        return (List<Object>) list;
    }

    private static Set<Object> identitySet() {
        return Collections.newSetFromMap(new IdentityHashMap<>());
    }
}
