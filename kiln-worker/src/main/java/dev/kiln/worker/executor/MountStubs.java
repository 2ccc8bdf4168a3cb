package dev.kiln.worker.executor;

import dev.kiln.worker.sys.RootPath;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * The runtime creates a missing mount point (and its missing parents) in the rootfs; left there, those
 * empty stubs would end up in the step's layer. Like BuildKit's MountStubsCleaner we note what is
 * missing before the run and afterwards remove whatever of it is still empty, keeping the parent's
 * timestamps so the layer stays reproducible.
 */
final class MountStubs {
    private final List<Path> missing;

    private MountStubs(List<Path> missing) {
        this.missing = missing;
    }

    /** Paths are noted deepest first, so cleaning can remove a stub before its stub parent. */
    static MountStubs note(Path rootfs, List<String> destinations) {
        List<Path> missing = new ArrayList<>();
        for (String destination : destinations) {
            Path path = RootPath.resolve(rootfs, destination);
            while (!path.equals(rootfs) && path.startsWith(rootfs) && !Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                missing.add(path);
                path = path.getParent();
            }
        }
        return new MountStubs(missing);
    }

    /** Best effort: a stub that cannot be removed stays, as in BuildKit (it only logs). */
    void clean() {
        for (Path stub : missing) {
            try {
                if (isEmptyStub(stub)) {
                    removeKeepingParentTimes(stub);
                }
            } catch (IOException e) {
                // Left in place; the layer then shows the stub, which is harmless.
            }
        }
    }

    private static boolean isEmptyStub(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        BasicFileAttributes attrs = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (attrs.isDirectory()) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(path)) {
                return !entries.iterator().hasNext();
            }
        }
        return attrs.size() == 0;
    }

    private static void removeKeepingParentTimes(Path stub) throws IOException {
        BasicFileAttributeView parent = Files.getFileAttributeView(stub.getParent(), BasicFileAttributeView.class);
        BasicFileAttributes before = parent.readAttributes();
        Files.delete(stub);
        parent.setTimes(before.lastModifiedTime(), before.lastAccessTime(), null);
    }
}
