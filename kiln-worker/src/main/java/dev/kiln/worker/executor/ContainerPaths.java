package dev.kiln.worker.executor;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;

import java.util.ArrayList;
import java.util.List;

/** Lexical handling of paths as the container sees them (always '/'-separated, rooted at '/'). */
final class ContainerPaths {
    private ContainerPaths() {
    }

    /** Cleans {@code path} like Go's path.Clean on an absolute path; relative input is taken from '/'. */
    static String absolute(String path, String what) {
        if (path == null || path.isEmpty()) {
            throw new KilnException(ErrorKind.INVALID_ARGUMENT, what + " is empty");
        }
        if (path.indexOf('\0') >= 0) {
            throw new KilnException(ErrorKind.INVALID_ARGUMENT, what + " contains a NUL character");
        }
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.removeLast();
                }
            } else {
                parts.add(part);
            }
        }
        return "/" + String.join("/", parts);
    }
}
