package dev.kiln.worker.executor;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;

import java.nio.file.Path;

/**
 * A filesystem the caller prepared, mounted at {@code destination} in the container: a bind of a host
 * directory or file (cache, bind, secret and ssh mounts are all binds), or a fresh tmpfs.
 * {@code tmpfsSize} is in bytes, 0 for the kernel default.
 */
public record ContainerMount(String destination, Type type, Path source, boolean readonly, long tmpfsSize) {

    public enum Type { BIND, TMPFS }

    public ContainerMount {
        destination = ContainerPaths.absolute(destination, "mount destination");
        if (destination.equals("/")) {
            throw new KilnException(ErrorKind.INVALID_ARGUMENT, "a mount cannot replace the root filesystem");
        }
        if (type == null) {
            throw new KilnException(ErrorKind.INVALID_ARGUMENT, "mount " + destination + " has no type");
        }
        if (type == Type.BIND && (source == null || !source.isAbsolute())) {
            throw new KilnException(ErrorKind.INVALID_ARGUMENT,
                    "bind mount " + destination + " needs an absolute source path");
        }
        if (tmpfsSize < 0) {
            throw new KilnException(ErrorKind.INVALID_ARGUMENT, "tmpfs " + destination + " has a negative size");
        }
    }

    public static ContainerMount bind(String destination, Path source, boolean readonly) {
        return new ContainerMount(destination, Type.BIND, source, readonly, 0);
    }

    public static ContainerMount tmpfs(String destination, long sizeBytes) {
        return new ContainerMount(destination, Type.TMPFS, null, false, sizeBytes);
    }
}
