package dev.kiln.worker.file;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.graph.FileAction;
import dev.kiln.worker.sys.FileStat;

import java.nio.file.Path;
import java.time.Instant;

/**
 * The metadata rules of one copy: owner override (null keeps the source's), octal or symbolic mode
 * override (null keeps the source's), and a fixed timestamp (null keeps the source's times).
 */
record CopySpec(Ids owner, Integer mode, SymbolicMode modeStr, Instant time) {

    static CopySpec of(FileAction.Copy c, Path destRoot) {
        if (c.mode() != null && (c.mode() < 0 || c.mode() > 07777)) {
            throw new KilnException(ErrorKind.INVALID_ARGUMENT, "invalid chmod mode: " + Integer.toOctalString(c.mode()));
        }
        SymbolicMode symbolic = c.modeStr() == null || c.modeStr().isEmpty() ? null : SymbolicMode.parse(c.modeStr());
        return new CopySpec(Owners.resolve(destRoot, c.owner()), c.mode(), symbolic, time(c.timestamp()));
    }

    /** A FileAction timestamp (nanoseconds since the epoch, null or negative for none). */
    static Instant time(Long timestampNanos) {
        if (timestampNanos == null || timestampNanos < 0) {
            return null;
        }
        return Instant.ofEpochSecond(0, timestampNanos);
    }

    /** The permission bits a copy of {@code src} gets. */
    int permissions(FileStat src) {
        if (modeStr != null) {
            return modeStr.apply(src.mode(), src.isDirectory());
        }
        return mode != null ? mode : src.permissions();
    }
}
