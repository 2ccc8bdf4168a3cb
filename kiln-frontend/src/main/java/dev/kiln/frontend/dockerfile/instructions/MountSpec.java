package dev.kiln.frontend.dockerfile.instructions;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * One {@code RUN --mount=...} after variable expansion, validated like BuildKit. Unset options are empty; the
 * methods below apply BuildKit's defaults.
 *
 * @param type      mount type, {@code bind} when not given
 * @param from      stage, context or image to mount from (bind/cache), or empty
 * @param source    path inside {@code from} (bind/cache) or secret id (secret), or empty
 * @param target    mount point, or empty
 * @param readOnly  bind and secret/ssh default to read-only, cache and tmpfs to read-write
 * @param sizeLimit tmpfs size in bytes, 0 for unlimited
 * @param cacheId   the {@code id=} value (cache id, secret id or ssh id), or empty
 * @param env       secret: the environment variable to expose the secret in
 */
public record MountSpec(MountType type, String from, String source, String target, boolean readOnly, long sizeLimit,
                        String cacheId, Optional<CacheSharing> sharing, boolean required, Optional<String> env,
                        OptionalLong mode, OptionalLong uid, OptionalLong gid) {

    /** Parses a raw {@code --mount} value, expanding each value with {@code expander}. */
    public static MountSpec parse(String raw, WordExpander expander) {
        return MountParser.parse(raw, expander);
    }

    /** The cache mount's id: {@code id=} or else the target. */
    public String effectiveCacheId() {
        return cacheId.isEmpty() ? target : cacheId;
    }

    /** The secret's id: {@code source=}, else {@code id=}, else the base name of the target. */
    public String secretId() {
        if (!source.isEmpty()) {
            return source;
        }
        return cacheId.isEmpty() ? baseName(target) : cacheId;
    }

    /** Where the secret file is mounted: the target, or {@code /run/secrets/<id>} unless it only goes to {@code env}. */
    public Optional<String> secretTarget() {
        if (!target.isEmpty()) {
            return Optional.of(target);
        }
        return env.isPresent() ? Optional.empty() : Optional.of("/run/secrets/" + baseName(secretId()));
    }

    /** The SSH agent id: {@code id=} or {@code default}. */
    public String sshId() {
        return cacheId.isEmpty() ? "default" : cacheId;
    }

    /** The file mode applied to secret (0400), ssh (0600) and cache (0755) mounts when not given. */
    public long fileMode() {
        return mode.orElse(switch (type) {
            case SECRET -> 0400;
            case SSH -> 0600;
            default -> 0755;
        });
    }

    /** Go's {@code path.Base}. */
    static String baseName(String path) {
        if (path.isEmpty()) {
            return ".";
        }
        String trimmed = path;
        while (trimmed.length() > 1 && trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (trimmed.equals("/")) {
            return "/";
        }
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }
}
