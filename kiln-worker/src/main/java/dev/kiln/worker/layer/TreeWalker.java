package dev.kiln.worker.layer;

import dev.kiln.worker.sys.LinuxFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Predicate;

/**
 * Walks a tree in Go's {@code filepath.Walk} order: a directory before its contents, names sorted bytewise,
 * never following symlinks. The root itself is not reported.
 */
final class TreeWalker implements Iterator<FileNode> {
    private final Deque<Iterator<FileNode>> stack = new ArrayDeque<>();
    private final Predicate<FileNode> keep;
    private FileNode next;

    /** @param keep which nodes to report (and, for directories, descend into) */
    TreeWalker(Path root, Predicate<FileNode> keep) throws IOException {
        this.keep = keep;
        if (LinuxFiles.lstat(root).isDirectory()) {
            stack.push(children(root, ""));
        }
        advance();
    }

    /** Entry names of {@code dir}, sorted by their UTF-8 bytes as Go sorts strings. */
    static List<String> sortedNames(Path dir) throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            entries.forEach(p -> names.add(p.getFileName().toString()));
        }
        names.sort(TarHeaderEncoder::compareUtf8);
        return names;
    }

    @Override
    public boolean hasNext() {
        return next != null;
    }

    @Override
    public FileNode next() {
        if (next == null) {
            throw new NoSuchElementException();
        }
        FileNode current = next;
        try {
            if (current.isDirectory()) {
                stack.push(children(current.path(), current.rel()));
            }
            advance();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return current;
    }

    private void advance() throws IOException {
        next = null;
        while (!stack.isEmpty()) {
            Iterator<FileNode> top = stack.peek();
            if (!top.hasNext()) {
                stack.pop();
                continue;
            }
            FileNode candidate = top.next();
            if (keep.test(candidate)) {
                next = candidate;
                return;
            }
        }
    }

    private static Iterator<FileNode> children(Path dir, String rel) throws IOException {
        List<String> names = sortedNames(dir);
        FileNode[] nodes = new FileNode[names.size()];
        for (int i = 0; i < nodes.length; i++) {
            Path p = dir.resolve(names.get(i));
            nodes[i] = new FileNode(rel + "/" + names.get(i), p, LinuxFiles.lstat(p));
        }
        return Arrays.asList(nodes).iterator();
    }
}
