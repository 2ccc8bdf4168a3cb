package dev.kiln.cli.config;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.toml.TomlMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Finds and reads the configuration: {@code --config}, else {@code $KILN_CONFIG}, else {@code /etc/kiln/kiln.toml}. */
public final class ConfigLoader {
    static final Path SYSTEM_CONFIG = Path.of("/etc/kiln/kiln.toml");
    private static final TomlMapper TOML = TomlMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ConfigLoader() {
    }

    public static KilnConfig load(Path explicit, Map<String, String> env) {
        if (explicit != null) {
            return read(explicit);
        }
        String fromEnv = env.get("KILN_CONFIG");
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return read(Path.of(fromEnv));
        }
        return Files.isRegularFile(SYSTEM_CONFIG) ? read(SYSTEM_CONFIG) : KilnConfig.EMPTY;
    }

    static KilnConfig read(Path file) {
        try {
            KilnConfig c = TOML.readValue(Files.readString(file), KilnConfig.class);
            return c == null ? KilnConfig.EMPTY : c;
        } catch (IOException e) {
            throw new KilnException(ErrorKind.NOT_FOUND, "cannot read config " + file + ": " + e.getMessage(), e);
        } catch (JacksonException e) {
            throw new KilnException(ErrorKind.INVALID_ARGUMENT,
                    "invalid config " + file + ": " + e.getOriginalMessage().lines().findFirst().orElse(""), e);
        }
    }
}
