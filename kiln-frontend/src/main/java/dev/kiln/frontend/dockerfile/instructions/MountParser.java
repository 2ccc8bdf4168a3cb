package dev.kiln.frontend.dockerfile.instructions;

import dev.kiln.frontend.dockerfile.parser.GoQuote;
import dev.kiln.frontend.dockerfile.parser.GoText;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * BuildKit's {@code parseMount}. It runs twice: when the RUN is parsed, with nothing expanded, only the CSV
 * syntax and variables in {@code from} are checked; once the converter can expand words, every option is
 * parsed and validated.
 */
final class MountParser {
    private static final List<String> KEYS = List.of("type", "from", "source", "target", "readonly", "id", "sharing",
            "required", "size", "mode", "uid", "gid", "src", "dst", "destination", "ro", "rw", "readwrite", "env");

    private MountType type = MountType.BIND;
    private String from = "";
    private String source = "";
    private String target = "";
    private boolean readOnly;
    private boolean readOnlyAuto = true;
    private long sizeLimit;
    private String cacheId = "";
    private Optional<CacheSharing> sharing = Optional.empty();
    private boolean required;
    private Optional<String> env = Optional.empty();
    private OptionalLong mode = OptionalLong.empty();
    private OptionalLong uid = OptionalLong.empty();
    private OptionalLong gid = OptionalLong.empty();

    private MountParser() {
    }

    /** The checks BuildKit makes before expansion: CSV syntax, and no variables in {@code from}. */
    static void checkUnexpanded(String raw) {
        for (String field : fields(raw)) {
            int eq = field.indexOf('=');
            if (eq < 0 || !GoText.toLower(field.substring(0, eq)).equals("from")) {
                continue;
            }
            String value = field.substring(eq + 1);
            int dollar = value.indexOf('$');
            if (dollar >= 0 && dollar != value.length() - 1) {
                throw Errors.invalid("'from' doesn't support variable expansion, define alias stage instead");
            }
        }
    }

    static MountSpec parse(String raw, WordExpander expander) {
        MountParser m = new MountParser();
        for (String field : fields(raw)) {
            int eq = field.indexOf('=');
            String key = GoText.toLower(eq < 0 ? field : field.substring(0, eq));
            if (eq < 0) {
                m.flag(key, field);
            } else {
                m.option(key, expander.expand(field.substring(eq + 1)), field);
            }
        }
        m.validate();
        return new MountSpec(m.type, m.from, m.source, m.target, m.readOnly, m.sizeLimit, m.cacheId, m.sharing,
                m.required, m.env, m.mode, m.uid, m.gid);
    }

    private static List<String> fields(String raw) {
        try {
            return CsvFields.parse(raw);
        } catch (IllegalArgumentException e) {
            throw Errors.invalid("failed to parse csv mounts: " + e.getMessage());
        }
    }

    /** A field without {@code =}. */
    private void flag(String key, String field) {
        switch (key) {
            case "readonly", "ro" -> setReadOnly(true);
            case "readwrite", "rw" -> setReadOnly(false);
            case "required" -> {
                requireSecretOrSsh(key);
                required = true;
            }
            default -> throw Errors.invalid("invalid field '" + field + "' must be a key=value pair");
        }
    }

    private void option(String key, String value, String field) {
        switch (key) {
            case "type" -> type = Arrays.stream(MountType.values()).filter(t -> t.dockerfileName().equals(
                    GoText.toLower(value))).findFirst().orElseThrow(() -> Errors.invalid(Suggest.withSuggestion(
                    "unsupported mount type " + GoQuote.quote(value), value, names(MountType.values()), true)));
            case "from" -> from = value;
            case "source", "src" -> source = value;
            case "target", "dst", "destination" -> target = value;
            case "readonly", "ro" -> setReadOnly(DeviceSpec.requireBool(key, value));
            case "readwrite", "rw" -> setReadOnly(!DeviceSpec.requireBool(key, value));
            case "required" -> {
                requireSecretOrSsh(key);
                required = DeviceSpec.requireBool(key, value);
            }
            case "size" -> {
                if (type != MountType.TMPFS) {
                    throw unexpectedKeyForType(key);
                }
                sizeLimit = GoNumbers.ramInBytes(value).orElseThrow(() -> invalidValue(key, value));
            }
            case "id" -> cacheId = value;
            case "sharing" -> sharing = Optional.of(Arrays.stream(CacheSharing.values())
                    .filter(s -> s.dockerfileName().equals(GoText.toLower(value))).findFirst()
                    .orElseThrow(() -> Errors.invalid(Suggest.withSuggestion("unsupported sharing value "
                            + GoQuote.quote(value), value, names(CacheSharing.values()), true))));
            case "mode" -> mode = OptionalLong.of(number(value, 8, "mode"));
            case "uid" -> uid = OptionalLong.of(number(value, 10, "uid"));
            case "gid" -> gid = OptionalLong.of(number(value, 10, "gid"));
            case "env" -> env = Optional.of(value);
            default -> throw Errors.invalid(Suggest.withSuggestion("unexpected key '" + key + "' in '" + field + "'",
                    key, KEYS, true));
        }
    }

    private void validate() {
        boolean fileInfoAllowed = type == MountType.SECRET || type == MountType.SSH || type == MountType.CACHE;
        if (!fileInfoAllowed) {
            notAllowed("mode", mode);
            notAllowed("uid", uid);
            notAllowed("gid", gid);
        }
        if (readOnlyAuto) {
            readOnly = !(type == MountType.CACHE || type == MountType.TMPFS);
        }
        if (type == MountType.SECRET) {
            if (!from.isEmpty()) {
                throw Errors.invalid("secret mount should not have a from");
            }
            if (sharing.isPresent()) {
                throw Errors.invalid("secret mount should not define sharing");
            }
            if (source.isEmpty() && target.isEmpty() && cacheId.isEmpty()) {
                throw Errors.invalid("invalid secret mount. one of source, target required");
            }
            if (!source.isEmpty() && !cacheId.isEmpty()) {
                throw Errors.invalid("both source and id can't be set");
            }
        }
        if (sharing.isPresent() && type != MountType.CACHE) {
            throw Errors.invalid("invalid cache sharing set for " + type.dockerfileName() + " mount");
        }
    }

    private void notAllowed(String option, OptionalLong value) {
        if (value.isPresent()) {
            throw Errors.invalid(option + " not allowed for " + GoQuote.quote(type.dockerfileName()) + " type mounts");
        }
    }

    private void setReadOnly(boolean value) {
        readOnly = value;
        readOnlyAuto = false;
    }

    private void requireSecretOrSsh(String key) {
        if (type != MountType.SECRET && type != MountType.SSH) {
            throw unexpectedKeyForType(key);
        }
    }

    private RuntimeException unexpectedKeyForType(String key) {
        return Errors.invalid("unexpected key '" + key + "' for mount type '" + type.dockerfileName() + "'");
    }

    private static RuntimeException invalidValue(String key, String value) {
        return Errors.invalid("invalid value for " + key + ": " + value);
    }

    private static long number(String value, int base, String what) {
        return GoNumbers.parseUint(value, base, 32)
                .orElseThrow(() -> Errors.invalid("invalid value " + value + " for " + what));
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT)).toList();
    }
}
