package dev.kiln.worker.sys;

import java.util.Locale;

/**
 * The Linux system calls Kiln makes, with their numbers on the two architectures it runs on (from the kernel's
 * {@code asm/unistd_64.h} for x86-64 and {@code asm-generic/unistd.h} for arm64). Calls that libc builds on
 * others are made as the kernel has them: {@code lchown} is {@code fchownat} with AT_SYMLINK_NOFOLLOW, {@code chmod}
 * is {@code fchmodat}, {@code mknod} is {@code mknodat}, {@code futimens} is {@code utimensat} with no path.
 */
enum Syscall {
    WRITE(1, 64),
    CLOSE(3, 57),
    CHDIR(80, 49),
    FCHMOD(91, 52),
    FCHOWN(93, 55),
    STATFS(137, 43),
    MOUNT(165, 40),
    UMOUNT2(166, 39),
    LSETXATTR(189, 6),
    LGETXATTR(192, 9),
    LLISTXATTR(195, 12),
    OPENAT(257, 56),
    MKDIRAT(258, 34),
    MKNODAT(259, 33),
    FCHOWNAT(260, 54),
    LINKAT(265, 37),
    SYMLINKAT(266, 36),
    FCHMODAT(268, 53),
    UNSHARE(272, 97),
    UTIMENSAT(280, 88),
    STATX(332, 291);

    private static final String ARCH = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);

    private final long x8664;
    private final long arm64;

    Syscall(long x8664, long arm64) {
        this.x8664 = x8664;
        this.arm64 = arm64;
    }

    /** This machine's number for the call. */
    long number() {
        return numberOn(ARCH);
    }

    /** The number on the architecture {@code arch} (as the JVM's os.arch names it). */
    long numberOn(String arch) {
        return switch (arch) {
            case "amd64", "x86_64" -> x8664;
            case "aarch64", "arm64" -> arm64;
            default -> throw new UnsupportedOperationException(
                    "Kiln's system calls are defined for x86-64 and arm64 Linux, not " + arch);
        };
    }
}
