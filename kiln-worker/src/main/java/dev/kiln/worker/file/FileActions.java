package dev.kiln.worker.file;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.graph.FileAction;
import dev.kiln.graph.Op;
import dev.kiln.worker.sys.FileTrees;
import dev.kiln.worker.sys.LinuxFiles;
import dev.kiln.worker.sys.RootPath;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Executes the actions of a {@link dev.kiln.graph.FileOp} on plain directories: {@code base} is
 * the writable filesystem being changed, {@code inputs} the (read-only) filesystems of the node's
 * inputs that {@link FileAction.Copy#source()} indexes. Every path is resolved inside its own
 * root; symlinks in a tree never lead out of it.
 */
public final class FileActions {
    private FileActions() {
    }

    /**
     * Applies {@code actions} in order.
     *
     * @throws KilnException with a message naming the failing path (relative to its root)
     * @throws InterruptedException when interrupted between files
     */
    public static void apply(Path base, List<Path> inputs, List<FileAction> actions) throws InterruptedException {
        for (FileAction action : actions) {
            apply(base, inputs, action);
        }
    }

    public static void apply(Path base, List<Path> inputs, FileAction action) throws InterruptedException {
        List<Path> roots = new ArrayList<>(List.of(base));
        try {
            switch (action) {
                case FileAction.Copy c -> {
                    Path src = source(inputs, c.source());
                    roots.add(src);
                    new CopyAction(src, base, c).run();
                }
                case FileAction.Mkdir m -> mkdir(base, m);
                case FileAction.Mkfile m -> mkfile(base, m);
                case FileAction.Rm r -> rm(base, r);
                case FileAction.Symlink s -> symlink(base, s);
            }
        } catch (IOException e) {
            throw FileErrors.of(verb(action), e, roots);
        }
    }

    private static Path source(List<Path> inputs, int index) {
        if (index == Op.SCRATCH) {
            throw new KilnException(ErrorKind.INVALID_ARGUMENT, "copy from scratch: there is nothing to copy");
        }
        if (index < 0 || index >= inputs.size()) {
            throw new KilnException(ErrorKind.INVALID_ARGUMENT, "copy source " + index + " is not an input of the file op");
        }
        return inputs.get(index);
    }

    private static void mkdir(Path root, FileAction.Mkdir m) throws IOException {
        Path p = RootPath.resolve(root, m.path());
        Ids owner = Owners.resolve(root, m.owner());
        if (m.makeParents()) {
            Mkdirs.mkdirAll(p, m.mode(), owner, CopySpec.time(m.timestamp()));
            return;
        }
        if (LinuxFiles.lstatIfExists(p) != null) {
            return;
        }
        Mkdirs.mkdir(p, m.mode());
        Metadata.chown(p, owner);
        Metadata.setTimes(p, CopySpec.time(m.timestamp()));
    }

    private static void mkfile(Path root, FileAction.Mkfile m) throws IOException {
        Path p = RootPath.resolve(root, "/" + m.path());
        Ids owner = Owners.resolve(root, m.owner());
        boolean existed = Files.exists(p, LinkOption.NOFOLLOW_LINKS);
        Files.write(p, m.data() == null ? new byte[0] : m.data(), StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        if (!existed) {
            Metadata.chmod(p, m.mode() & 0777 & ~Mkdirs.UMASK);
        }
        Metadata.chown(p, owner);
        Metadata.setTimes(p, CopySpec.time(m.timestamp()));
    }

    private static void rm(Path root, FileAction.Rm r) throws IOException {
        List<String> paths = r.allowWildcard() ? Wildcards.resolve(root, r.path(), false) : List.of(r.path());
        for (String path : paths) {
            List<String> parts = RootPath.clean(path);
            if (parts.isEmpty()) {
                throw new KilnException(ErrorKind.INVALID_ARGUMENT, "rmPath: invalid empty path");
            }
            Path dir = RootPath.resolve(root, "/" + String.join("/", parts.subList(0, parts.size() - 1)));
            Path p = dir.resolve(parts.getLast());
            if (!r.allowNotFound() && !Files.exists(p)) {
                throw new KilnException(ErrorKind.NOT_FOUND, "stat " + RootPath.relative(root, p) + ": no such file or directory");
            }
            FileTrees.deleteRecursively(p);
        }
    }

    private static void symlink(Path root, FileAction.Symlink s) throws IOException {
        Path p = RootPath.resolve(root, "/" + s.newPath());
        Files.createSymbolicLink(p, Path.of(s.oldPath()));
        Metadata.chown(p, Owners.resolve(root, s.owner()));
        Metadata.setTimes(p, CopySpec.time(s.timestamp()));
    }

    private static String verb(FileAction action) {
        return switch (action) {
            case FileAction.Copy c -> "copy";
            case FileAction.Mkdir m -> "mkdir";
            case FileAction.Mkfile m -> "mkfile";
            case FileAction.Rm r -> "rm";
            case FileAction.Symlink s -> "symlink";
        };
    }

}
