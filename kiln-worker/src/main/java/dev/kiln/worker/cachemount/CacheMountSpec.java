package dev.kiln.worker.cachemount;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.graph.ExecMount.Sharing;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What one {@code type=cache} mount asks for. Mounts share a cache directory when their {@link #key()} and
 * {@code sourceKey} are equal, as BuildKit keys cache mounts by {@code namespace/id} plus the identity of the
 * mount's source ref.
 *
 * @param namespace the BUILDKIT_CACHE_MOUNT_NS build arg ("" when unset)
 * @param id the mount's {@code id=} (BuildKit defaults it to the cleaned target path)
 * @param sourceKey identity of the mount's source ({@code from=}, or the permissions step the frontend adds for
 *     {@code mode/uid/gid}); "" for the usual empty source
 * @param sharing how concurrent users are treated
 * @param mode permission bits given to the directory when it is created
 * @param uid owner given to the directory when it is created
 * @param gid group given to the directory when it is created
 * @param seedFrom a directory whose content is copied in when the cache directory is created
 */
public record CacheMountSpec(String namespace, String id, String sourceKey, Sharing sharing, int mode, int uid,
                             int gid, Optional<Path> seedFrom) {
    public CacheMountSpec {
        if (id.isEmpty()) {
            throw new KilnException(ErrorKind.INVALID_ARGUMENT, "cache mount id is empty");
        }
    }

    /** A mount with BuildKit's defaults: empty source, directory mode 0755 owned by root. */
    public static CacheMountSpec of(String namespace, String id, Sharing sharing) {
        return new CacheMountSpec(namespace, id, "", sharing, 0755, 0, 0, Optional.empty());
    }

    /** BuildKit's cache id: the namespace and the mount id joined by a slash. */
    public String key() {
        return namespace + "/" + id;
    }
}
