package dev.kiln.worker.registry;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.core.json.Json;
import dev.kiln.core.json.JsonException;
import dev.kiln.core.json.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Logins from docker's {@code config.json} ({@code $DOCKER_CONFIG/config.json}, else {@code ~/.docker/config.json}),
 * read on every lookup so a {@code docker login} in between is seen. Order: the registry's {@code credHelpers}
 * entry, else the global {@code credsStore}, run as {@code docker-credential-<name> get}; then the {@code auths}
 * entry ({@code auth} = base64 {@code user:password}, or {@code username}/{@code password}, or
 * {@code identitytoken}). Docker Hub is keyed {@code https://index.docker.io/v1/}, as the docker CLI writes it.
 */
public final class DockerConfigCredentials implements CredentialProvider {
    static final String DOCKER_HUB_KEY = "https://index.docker.io/v1/";
    private static final long MAX_CONFIG_BYTES = 4 << 20;
    private static final List<String> DOCKER_HUB_HOSTS =
            List.of("docker.io", "index.docker.io", "registry-1.docker.io", DOCKER_HUB_KEY);

    private final Path configFile;
    private final List<Path> helperSearchPath;

    public DockerConfigCredentials(Path configDir, List<Path> helperSearchPath) {
        this.configFile = configDir.resolve("config.json");
        this.helperSearchPath = List.copyOf(helperSearchPath);
    }

    /** Honours {@code DOCKER_CONFIG} and looks helpers up on {@code PATH}. */
    public static DockerConfigCredentials fromEnvironment() {
        return fromEnvironment(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    static DockerConfigCredentials fromEnvironment(Map<String, String> env, Path home) {
        String dir = env.get("DOCKER_CONFIG");
        Path configDir = dir != null && !dir.isEmpty() ? Path.of(dir) : home.resolve(".docker");
        List<Path> path = new ArrayList<>();
        for (String p : env.getOrDefault("PATH", "").split(":")) {
            if (!p.isEmpty()) {
                path.add(Path.of(p));
            }
        }
        return new DockerConfigCredentials(configDir, path);
    }

    @Override
    public Optional<Credentials> lookup(String host) {
        JsonObject config = readConfig();
        if (config == null) {
            return Optional.empty();
        }
        String serverKey = DOCKER_HUB_HOSTS.contains(host) ? DOCKER_HUB_KEY : host;
        try {
            String helper = helperFor(config, serverKey);
            if (helper != null) {
                Optional<Credentials> fromHelper = new CredentialHelper(helper, helperSearchPath).get(serverKey);
                if (fromHelper.isPresent()) {
                    return fromHelper;
                }
            }
            Optional<Credentials> fromAuths = config.get("auths", auths -> fromAuths(auths.asObject(), serverKey));
            return fromAuths == null ? Optional.empty() : fromAuths;
        } catch (JsonException e) {
            throw malformed(e.getMessage());
        }
    }

    private static String helperFor(JsonObject config, String serverKey) {
        String perHost = config.get("credHelpers", v -> v.asObject().getString(serverKey, ""));
        if (perHost != null && !perHost.isEmpty()) {
            return perHost;
        }
        String store = config.getString("credsStore", "");
        return store.isEmpty() ? null : store;
    }

    private Optional<Credentials> fromAuths(JsonObject auths, String serverKey) {
        String key = auths.has(serverKey) ? serverKey : auths.members().keySet().stream()
                .filter(k -> hostnameOf(k).equals(hostnameOf(serverKey))).findFirst().orElse(null);
        Optional<Credentials> found = key == null ? null
                : auths.get(key, entry -> entry instanceof JsonObject o ? decodeEntry(o, serverKey) : Optional.empty());
        return found == null ? Optional.empty() : found;
    }

    private Optional<Credentials> decodeEntry(JsonObject entry, String serverKey) {
        String token = entry.getString("identitytoken", "");
        if (!token.isEmpty()) {
            return Optional.of(Credentials.identityToken(token));
        }
        String auth = entry.getString("auth", "");
        if (!auth.isEmpty()) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(auth.trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw malformed("the \"auth\" entry for " + serverKey + " is not valid base64");
            }
            int colon = decoded.indexOf(':');
            if (colon <= 0) {
                throw malformed("the \"auth\" entry for " + serverKey + " is not user:password");
            }
            return Optional.of(new Credentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
        }
        String user = entry.getString("username", "");
        return user.isEmpty() ? Optional.empty() : Optional.of(new Credentials(user, entry.getString("password", "")));
    }

    /** docker's ConvertToHostname: drop the scheme and anything after the host. */
    static String hostnameOf(String key) {
        String s = key.replaceFirst("^https?://", "");
        int slash = s.indexOf('/');
        return slash < 0 ? s : s.substring(0, slash);
    }

    private JsonObject readConfig() {
        byte[] data;
        try (InputStream in = Files.newInputStream(configFile)) {
            data = in.readNBytes((int) MAX_CONFIG_BYTES + 1);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new KilnException(ErrorKind.INVALID_ARGUMENT, "reading " + configFile + ": " + e.getMessage(), e);
        }
        if (data.length > MAX_CONFIG_BYTES) {
            throw malformed("larger than " + MAX_CONFIG_BYTES + " bytes");
        }
        if (new String(data, StandardCharsets.UTF_8).isBlank()) {
            return null; // the docker CLI reads an empty file as no configuration
        }
        try {
            return Json.read(data) instanceof JsonObject o ? o : null;
        } catch (JsonException e) {
            throw malformed(e.getMessage());
        }
    }

    private KilnException malformed(String why) {
        return new KilnException(ErrorKind.INVALID_ARGUMENT, "malformed docker config " + configFile + ": " + why);
    }
}
