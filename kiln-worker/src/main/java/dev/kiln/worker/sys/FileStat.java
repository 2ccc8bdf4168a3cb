package dev.kiln.worker.sys;

import java.time.Instant;

/**
 * What lstat tells about one file (read through statx(2), whose layout is the same on every architecture).
 *
 * @param mode full st_mode: file type bits and permission bits
 * @param blocks allocated 512-byte blocks
 */
public record FileStat(int mode, int nlink, int uid, int gid, long ino, int devMajor, int devMinor, long size,
                       long blocks, Instant atime, Instant mtime, Instant ctime, int rdevMajor, int rdevMinor) {
    public static final int S_IFMT = 0170000;
    public static final int S_IFSOCK = 0140000;
    public static final int S_IFLNK = 0120000;
    public static final int S_IFREG = 0100000;
    public static final int S_IFBLK = 0060000;
    public static final int S_IFDIR = 0040000;
    public static final int S_IFCHR = 0020000;
    public static final int S_IFIFO = 0010000;

    public int type() {
        return mode & S_IFMT;
    }

    /** Permission bits plus setuid, setgid and sticky. */
    public int permissions() {
        return mode & 07777;
    }

    public boolean isDirectory() {
        return type() == S_IFDIR;
    }

    public boolean isRegular() {
        return type() == S_IFREG;
    }

    public boolean isSymlink() {
        return type() == S_IFLNK;
    }

    public boolean isCharDevice() {
        return type() == S_IFCHR;
    }

    public boolean isBlockDevice() {
        return type() == S_IFBLK;
    }

    /** A character or block device. */
    public boolean isDevice() {
        return isCharDevice() || isBlockDevice();
    }

    public boolean isFifo() {
        return type() == S_IFIFO;
    }

    public boolean isSocket() {
        return type() == S_IFSOCK;
    }

    /** An overlayfs whiteout: a character device with device number 0:0. */
    public boolean isWhiteout() {
        return isCharDevice() && rdevMajor == 0 && rdevMinor == 0;
    }

    /** Same inode on the same device, i.e. hard links to one file (or the same path). */
    public boolean sameInode(FileStat other) {
        return ino == other.ino && devMajor == other.devMajor && devMinor == other.devMinor;
    }
}
