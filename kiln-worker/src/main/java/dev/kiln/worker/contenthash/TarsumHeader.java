package dev.kiln.worker.contenthash;

import dev.kiln.worker.sys.FileStat;
import dev.kiln.worker.sys.Xattrs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The per-file header BuildKit hashes before the content (docker's tarsum v1 selection): name
 * (always empty: names are hashed by the directory), mode, uid, gid, size, type flag, link name,
 * user and group names (empty), device numbers, then the xattrs other than {@code security.*}
 * (except {@code security.capability}), {@code system.*} and {@code com.apple.*}, sorted.
 * The modification time is deliberately left out.
 */
final class TarsumHeader {
    private TarsumHeader() {
    }

    static byte[] of(Path file, FileStat st, String linkTarget) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(160);
        field(out, "name", "");
        field(out, "mode", Integer.toString(st.permissions()));
        field(out, "uid", Integer.toString(st.uid()));
        field(out, "gid", Integer.toString(st.gid()));
        field(out, "size", Long.toString(st.isRegular() ? st.size() : 0));
        field(out, "typeflag", String.valueOf(typeflag(st)));
        field(out, "linkname", linkTarget == null ? "" : linkTarget);
        field(out, "uname", "");
        field(out, "gname", "");
        field(out, "devmajor", Integer.toString(st.isDevice() ? st.rdevMajor() : 0));
        field(out, "devminor", Integer.toString(st.isDevice() ? st.rdevMinor() : 0));
        for (Map.Entry<String, byte[]> x : xattrs(file).entrySet()) {
            out.writeBytes(x.getKey().getBytes(StandardCharsets.UTF_8));
            out.writeBytes(x.getValue());
        }
        return out.toByteArray();
    }

    /** Go archive/tar type flags; sockets count as (empty) regular files, as BuildKit clears their bit. */
    static char typeflag(FileStat st) {
        return switch (st.type()) {
            case FileStat.S_IFDIR -> '5';
            case FileStat.S_IFLNK -> '2';
            case FileStat.S_IFCHR -> '3';
            case FileStat.S_IFBLK -> '4';
            case FileStat.S_IFIFO -> '6';
            default -> '0';
        };
    }

    private static void field(ByteArrayOutputStream out, String key, String value) {
        out.writeBytes(key.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(value.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, byte[]> xattrs(Path file) {
        Map<String, byte[]> out = new TreeMap<>();
        try {
            for (String name : Xattrs.list(file)) {
                if (hashed(name)) {
                    byte[] value = Xattrs.get(file, name);
                    if (value != null) {
                        out.put(name, value);
                    }
                }
            }
        } catch (IOException e) {
            // A filesystem without xattr support has none to hash.
            return Map.of();
        }
        return out;
    }

    static boolean hashed(String xattr) {
        return xattr.equals("security.capability")
                || !(xattr.startsWith("security.") || xattr.startsWith("system.") || xattr.startsWith("com.apple."));
    }
}
