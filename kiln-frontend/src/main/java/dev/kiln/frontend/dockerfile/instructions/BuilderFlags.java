package dev.kiln.frontend.dockerfile.instructions;

import dev.kiln.frontend.dockerfile.parser.GoText;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The {@code --name[=value]} words of one instruction, checked against the flags it declares (BuildKit's
 * {@code BFlags}). Bool flags accept no value, {@code true} or {@code false} (any case); string flags need
 * {@code =}; strings flags may repeat. {@code --} ends flag parsing.
 */
final class BuilderFlags {
    enum Type { BOOL, STRING, STRINGS }

    /** A declared flag and, after {@link #parse}, its value. */
    static final class Flag {
        private final String name;
        private final Type type;
        private String value;
        private final List<String> values = new ArrayList<>();

        private Flag(String name, Type type, String value) {
            this.name = name;
            this.type = type;
            this.value = value;
        }

        String name() {
            return name;
        }

        String value() {
            return value;
        }

        List<String> values() {
            return List.copyOf(values);
        }

        boolean isTrue() {
            return type == Type.BOOL && value.equals("true");
        }
    }

    private final List<String> args;
    private final Map<String, Flag> declared = new LinkedHashMap<>();
    private final Map<String, Flag> used = new LinkedHashMap<>();

    BuilderFlags(List<String> args) {
        this.args = List.copyOf(args);
    }

    Flag addBool(String name, boolean defaultValue) {
        return add(name, Type.BOOL, defaultValue ? "true" : "false");
    }

    Flag addString(String name, String defaultValue) {
        return add(name, Type.STRING, defaultValue);
    }

    Flag addStrings(String name) {
        return add(name, Type.STRINGS, "");
    }

    private Flag add(String name, Type type, String defaultValue) {
        if (declared.containsKey(name)) {
            throw new IllegalStateException("flag declared twice: " + name);
        }
        Flag flag = new Flag(name, type, defaultValue);
        declared.put(name, flag);
        return flag;
    }

    boolean isUsed(String name) {
        return used.containsKey(name);
    }

    /** Names of the flags that appeared, sorted. */
    List<String> used() {
        return List.copyOf(new TreeSet<>(used.keySet()));
    }

    /** Assigns the given words to the declared flags; throws INVALID_ARGUMENT with BuildKit's messages. */
    void parse() {
        for (String arg : args) {
            if (arg.equals("--")) {
                return;
            }
            if (!arg.startsWith("--")) {
                throw Errors.invalid("arg should start with -- : " + arg);
            }
            int eq = arg.indexOf('=');
            String flagName = eq < 0 ? arg : arg.substring(0, eq);
            String value = eq < 0 ? "" : arg.substring(eq + 1);
            String name = flagName.substring(2);
            Flag flag = declared.get(name);
            if (flag == null) {
                throw Errors.invalid(Suggest.withSuggestion("unknown flag: " + flagName, name,
                        List.copyOf(declared.keySet()), true));
            }
            if (used.containsKey(name) && flag.type != Type.STRINGS) {
                throw Errors.invalid("duplicate flag specified: " + flagName);
            }
            used.put(name, flag);
            assign(flag, flagName, value, eq >= 0);
        }
    }

    private static void assign(Flag flag, String flagName, String value, boolean hasValue) {
        switch (flag.type) {
            case BOOL -> {
                if (hasValue && value.isEmpty()) {
                    throw Errors.invalid("missing a value on flag: " + flagName);
                }
                String lower = GoText.toLower(value);
                if (lower.isEmpty() || lower.equals("true")) {
                    flag.value = "true";
                } else if (lower.equals("false")) {
                    flag.value = "false";
                } else {
                    throw Errors.invalid("expecting boolean value for flag " + flagName + ", not: " + value);
                }
            }
            case STRING -> {
                if (!hasValue) {
                    throw Errors.invalid("missing a value on flag: " + flagName);
                }
                flag.value = value;
            }
            case STRINGS -> {
                if (!hasValue) {
                    throw Errors.invalid("missing a value on flag: " + flagName);
                }
                flag.values.add(value);
            }
        }
    }
}
