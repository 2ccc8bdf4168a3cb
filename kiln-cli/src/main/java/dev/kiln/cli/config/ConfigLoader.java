package dev.kiln.cli.config;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/** Finds and reads the configuration: {@code --config}, else {@code $KILN_CONFIG}, else {@code /etc/kiln/kiln.toml}. */
public final class ConfigLoader {
    static final Path SYSTEM_CONFIG = Path.of("/etc/kiln/kiln.toml");

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
        String text;
        try {
            text = Files.readString(file);
        } catch (CharacterCodingException e) {
            throw new KilnException(ErrorKind.INVALID_ARGUMENT, "invalid config " + file + ": not valid UTF-8", e);
        } catch (NoSuchFileException e) {
            throw new KilnException(ErrorKind.NOT_FOUND, "cannot read config " + file + ": no such file", e);
        } catch (IOException e) {
            throw new KilnException(ErrorKind.NOT_FOUND, "cannot read config " + file + ": " + e.getMessage(), e);
        }
        return ConfigBinder.bind(TomlReader.read(file.toString(), text));
    }
}
