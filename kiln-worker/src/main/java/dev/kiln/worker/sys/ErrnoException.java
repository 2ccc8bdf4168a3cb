package dev.kiln.worker.sys;

import java.io.IOException;

/**
 * A failed system call, with the errno it left behind. The message reads like the C tools print it:
 * {@code mount /x: No such file or directory (errno 2)}.
 */
public final class ErrnoException extends IOException {
    public static final int EPERM = 1;
    public static final int ENOENT = 2;
    public static final int EINTR = 4;
    public static final int EBUSY = 16;
    public static final int EEXIST = 17;
    public static final int ENOTDIR = 20;
    public static final int EINVAL = 22;
    public static final int ERANGE = 34;
    public static final int EOVERFLOW = 75;
    public static final int ENODATA = 61;
    public static final int EOPNOTSUPP = 95;

    private final int errno;

    public ErrnoException(String operation, String subject, int errno) {
        super(operation + " " + subject + ": " + Native.strerror(errno) + " (errno " + errno + ")");
        this.errno = errno;
    }

    public int errno() {
        return errno;
    }
}
