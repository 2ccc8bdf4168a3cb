package dev.kiln.worker.file;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.worker.sys.ErrnoException;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.List;

/**
 * Turns I/O failures into one-line errors in Go's style ({@code lstat /src/x: no such file or
 * directory}) whose paths are shown relative to the filesystem roots involved, never as host paths.
 */
final class FileErrors {
    private FileErrors() {
    }

    static KilnException of(String op, IOException e, List<Path> roots) {
        if (e instanceof ErrnoException) {
            return new KilnException(ErrorKind.FAILED_PRECONDITION, stripRoots(e.getMessage(), roots), e);
        }
        String path = e instanceof FileSystemException f && f.getFile() != null ? shown(f.getFile(), roots) : null;
        String reason = reason(e, roots);
        String message = path == null ? op + ": " + reason : op + " " + path + ": " + reason;
        return new KilnException(kind(e), message, e);
    }

    /** A host path as the user knows it: relative to whichever root contains it. */
    static String shown(String hostPath, List<Path> roots) {
        for (Path root : roots) {
            String r = root.toString();
            if (hostPath.equals(r)) {
                return "/";
            }
            if (hostPath.startsWith(r + "/")) {
                return hostPath.substring(r.length());
            }
        }
        return hostPath;
    }

    private static String reason(IOException e, List<Path> roots) {
        return switch (e) {
            case NoSuchFileException n -> "no such file or directory";
            case FileAlreadyExistsException x -> "file exists";
            case NotDirectoryException n -> "not a directory";
            case DirectoryNotEmptyException d -> "directory not empty";
            case AccessDeniedException a -> "permission denied";
            case FileSystemException f when f.getReason() != null -> f.getReason().toLowerCase();
            default -> e.getMessage() == null ? e.getClass().getSimpleName() : stripRoots(e.getMessage(), roots);
        };
    }

    private static String stripRoots(String message, List<Path> roots) {
        String m = message;
        for (Path root : roots) {
            m = m.replace(root.toString(), "");
        }
        return m;
    }

    private static ErrorKind kind(IOException e) {
        return switch (e) {
            case NoSuchFileException n -> ErrorKind.NOT_FOUND;
            case FileAlreadyExistsException x -> ErrorKind.ALREADY_EXISTS;
            case AccessDeniedException a -> ErrorKind.PERMISSION_DENIED;
            default -> ErrorKind.FAILED_PRECONDITION;
        };
    }
}
