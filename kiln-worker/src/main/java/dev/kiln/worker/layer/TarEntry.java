package dev.kiln.worker.layer;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One member of a layer tar, as Go's {@code archive/tar} Header models the fields BuildKit sets. User and group
 * names are always empty (BuildKit never looks them up).
 *
 * @param name slash-separated, relative; directories end with {@code /}
 * @param linkName target of a hard link (a member name) or symlink (any text); empty otherwise
 * @param size content length; zero for every type but {@link Type#REGULAR}
 * @param mode permission bits plus setuid/setgid/sticky (07777), without file type bits
 * @param xattrs extended attributes, written as {@code SCHILY.xattr.<name>} PAX records
 */
public record TarEntry(Type type, String name, String linkName, long size, int mode, int uid, int gid,
                       Instant modTime, int devMajor, int devMinor, Map<String, byte[]> xattrs) {
    /** Member types and their tar type flags. */
    public enum Type {
        REGULAR('0'), HARDLINK('1'), SYMLINK('2'), CHAR_DEVICE('3'), BLOCK_DEVICE('4'), DIRECTORY('5'), FIFO('6');

        private final byte flag;

        Type(char flag) {
            this.flag = (byte) flag;
        }

        public byte flag() {
            return flag;
        }
    }

    public TarEntry {
        linkName = linkName == null ? "" : linkName;
        modTime = modTime == null ? Instant.EPOCH : modTime;
        xattrs = Collections.unmodifiableMap(new TreeMap<>(xattrs == null ? Map.of() : xattrs));
        if (size < 0 || (type != Type.REGULAR && size != 0)) {
            throw new IllegalArgumentException("tar entry " + name + ": size " + size + " for " + type);
        }
        if ((mode & ~07777) != 0) {
            throw new IllegalArgumentException("tar entry " + name + ": mode " + Integer.toOctalString(mode));
        }
    }

    public static TarEntry regular(String name, long size, int mode) {
        return new TarEntry(Type.REGULAR, name, "", size, mode, 0, 0, Instant.EPOCH, 0, 0, Map.of());
    }

    public static TarEntry directory(String name, int mode) {
        String dirName = name.endsWith("/") ? name : name + "/";
        return new TarEntry(Type.DIRECTORY, dirName, "", 0, mode, 0, 0, Instant.EPOCH, 0, 0, Map.of());
    }

    public static TarEntry symlink(String name, String target) {
        return new TarEntry(Type.SYMLINK, name, target, 0, 0777, 0, 0, Instant.EPOCH, 0, 0, Map.of());
    }

    public static TarEntry hardlink(String name, String target) {
        return new TarEntry(Type.HARDLINK, name, target, 0, 0644, 0, 0, Instant.EPOCH, 0, 0, Map.of());
    }

    public static TarEntry device(Type type, String name, int mode, int major, int minor) {
        return new TarEntry(type, name, "", 0, mode, 0, 0, Instant.EPOCH, major, minor, Map.of());
    }

    public TarEntry withOwner(int newUid, int newGid) {
        return new TarEntry(type, name, linkName, size, mode, newUid, newGid, modTime, devMajor, devMinor, xattrs);
    }

    public TarEntry withModTime(Instant time) {
        return new TarEntry(type, name, linkName, size, mode, uid, gid, time, devMajor, devMinor, xattrs);
    }

    public TarEntry withXattrs(Map<String, byte[]> attrs) {
        return new TarEntry(type, name, linkName, size, mode, uid, gid, modTime, devMajor, devMinor, attrs);
    }

    /** This entry as a hard link to {@code target}, keeping its other fields (as containerd's ChangeWriter does). */
    public TarEntry asHardlinkTo(String newName, String target) {
        return new TarEntry(Type.HARDLINK, newName, target, 0, mode, uid, gid, modTime, devMajor, devMinor, xattrs);
    }
}
