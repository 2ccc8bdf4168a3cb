package dev.kiln.worker.layer;

import dev.kiln.worker.fstest.FsTree;
import dev.kiln.worker.fstest.Tools;
import dev.kiln.worker.sys.LinuxFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Shared helpers for the layer tests: building tars, listing members, comparing trees. */
final class LayerTesting {
    private LayerTesting() {
    }

    record Layer(byte[] tar, DiffResult result) {
        List<String> names() throws IOException {
            List<String> names = new ArrayList<>();
            TarReader r = new TarReader(new ByteArrayInputStream(tar));
            for (TarEntry e = r.next(); e != null; e = r.next()) {
                names.add(e.name());
            }
            return names;
        }

        List<TarEntry> entries() throws IOException {
            List<TarEntry> entries = new ArrayList<>();
            TarReader r = new TarReader(new ByteArrayInputStream(tar));
            for (TarEntry e = r.next(); e != null; e = r.next()) {
                entries.add(e);
            }
            return entries;
        }
    }

    @FunctionalInterface
    interface Diff {
        DiffResult write(ByteArrayOutputStream out);
    }

    static Layer layer(Diff diff) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DiffResult r = diff.write(out);
        return new Layer(out.toByteArray(), r);
    }

    /** A tar of the given members; regular files get {@code size} bytes of 'x'. */
    static byte[] tar(TarEntry... entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarWriter w = new TarWriter(out)) {
            for (TarEntry e : entries) {
                w.putEntry(e);
                w.writeContent(new ByteArrayInputStream("x".repeat((int) e.size()).getBytes()));
            }
        }
        return out.toByteArray();
    }

    static void copyTree(Path from, Path to) throws IOException {
        Tools.run("cp", "-a", from + "/.", to.toString());
    }

    /** Sets every mtime below and including {@code root} to {@code t}, so trees built at different times agree. */
    static void setAllMtimes(Path root, Instant t) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                LinuxFiles.setTimes(p, t, t);
            }
        }
    }

    /** A tree's layer-level description with user.* xattrs dropped (BuildKit layers keep only capabilities). */
    static Map<String, String> describeLayerLevel(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        FsTree.describe(root, FsTree.Detail.LAYER).forEach((k, v) -> {
            if (!k.equals("/")) {
                out.put(k, v.replaceAll(" xattr:user\\.[^ ]*", ""));
            }
        });
        return out;
    }
}
