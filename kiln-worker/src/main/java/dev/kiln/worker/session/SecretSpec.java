package dev.kiln.worker.session;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One {@code --secret} flag, parsed like buildx ({@code id=ID,src=FILE}, {@code id=ID,env=VAR},
 * {@code type=file|env}, or {@code id=ID} alone) and checked like BuildKit's client-side store: an id alone reads
 * the environment variable of that name if it is set, else the file of that name; a file must exist and be at
 * most 500 KiB.
 */
public record SecretSpec(String id, SecretSource source) {
    /** BuildKit's MaxSecretSize. */
    public static final long MAX_SIZE = 500 * 1024;

    public static SecretSpec parse(String flag) {
        return parse(flag, System.getenv());
    }

    public static SecretSpec parse(String flag, Map<String, String> env) {
        Fields f = Fields.of(flag);
        if (f.id.isEmpty()) {
            throw invalid("secret missing ID");
        }
        if (!f.file.isEmpty()) {
            checkFile(f.id, f.file); // BuildKit checks a given file even when env= takes precedence
        }
        if (!f.env.isEmpty()) {
            return new SecretSpec(f.id, new SecretSource.Env(f.env));
        }
        if (!f.file.isEmpty()) {
            return new SecretSpec(f.id, new SecretSource.File(Path.of(f.file)));
        }
        if (env.containsKey(f.id)) {
            return new SecretSpec(f.id, new SecretSource.Env(f.id));
        }
        checkFile(f.id, f.id);
        return new SecretSpec(f.id, new SecretSource.File(Path.of(f.id)));
    }

    private static void checkFile(String id, String file) {
        try {
            if (Files.size(Path.of(file)) > MAX_SIZE) {
                throw invalid("secret " + id + " too big. max size 500KB");
            }
        } catch (NoSuchFileException e) {
            throw invalid("failed to stat " + file + ": no such file or directory");
        } catch (IOException e) {
            throw invalid("failed to stat " + file + ": " + e.getMessage());
        }
    }

    private static KilnException invalid(String message) {
        return new KilnException(ErrorKind.INVALID_ARGUMENT, message);
    }

    /** The raw key=value fields of the flag, before BuildKit's defaulting. */
    private record Fields(String id, String file, String env) {
        static Fields of(String flag) {
            List<String> fields;
            try {
                fields = CsvFields.split(flag);
            } catch (CsvFields.CsvException e) {
                throw invalid("failed to parse csv secret: " + e.getMessage());
            }
            String id = "";
            String file = "";
            String env = "";
            String type = "";
            for (String field : fields) {
                int eq = field.indexOf('=');
                if (eq < 0) {
                    throw invalid("invalid field '" + field + "' must be a key=value pair");
                }
                String key = field.substring(0, eq).toLowerCase(Locale.ROOT);
                String value = field.substring(eq + 1);
                switch (key) {
                    case "type" -> type = checkType(value);
                    case "id" -> id = value;
                    case "source", "src" -> file = value;
                    case "env" -> env = value;
                    default -> throw invalid("unexpected key '" + key + "' in '" + field + "'");
                }
            }
            // type=env names the variable with src= when env= is absent.
            return type.equals("env") && env.isEmpty() ? new Fields(id, "", file) : new Fields(id, file, env);
        }

        private static String checkType(String value) {
            if (!value.equals("file") && !value.equals("env")) {
                throw invalid("unsupported secret type \"" + value + "\"");
            }
            return value;
        }
    }
}
