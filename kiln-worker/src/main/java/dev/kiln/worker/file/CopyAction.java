package dev.kiln.worker.file;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.graph.FileAction;
import dev.kiln.worker.sys.FileStat;
import dev.kiln.worker.sys.LinuxFiles;
import dev.kiln.worker.sys.RootPath;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Docker's COPY/ADD on plain directories (BuildKit's file op copy over fsutil): wildcard
 * expansion, the trailing-slash and existing-directory rules for the destination, and the
 * directory-contents rule for directory sources.
 */
final class CopyAction {
    private final Path srcRoot;
    private final Path destRoot;
    private final FileAction.Copy copy;
    private final List<Path> roots;

    CopyAction(Path srcRoot, Path destRoot, FileAction.Copy copy) {
        this.srcRoot = srcRoot;
        this.destRoot = destRoot;
        this.copy = copy;
        this.roots = List.of(destRoot, srcRoot);
    }

    void run() throws IOException, InterruptedException {
        CopySpec spec = CopySpec.of(copy, destRoot);
        if (!copy.createDestPath()) {
            requireDestParent();
        }
        List<String> sources = copy.allowWildcard() ? Wildcards.resolve(srcRoot, copy.src(), copy.followSymlink())
                : List.of(copy.src());
        if (sources.isEmpty()) {
            if (copy.allowEmptyWildcard()) {
                return;
            }
            throw new KilnException(ErrorKind.NOT_FOUND, copy.src() + " not found");
        }
        for (String source : sources) {
            if (copy.attemptUnpack() && Unpack.tryUnpack(srcRoot, source, destRoot, copy.dest(), spec)) {
                continue;
            }
            copyOne(source, spec);
        }
    }

    private void requireDestParent() throws IOException {
        Path dest = RootPath.resolve(destRoot, "/" + copy.dest());
        if (LinuxFiles.lstatIfExists(dest.getParent()) == null) {
            throw new KilnException(ErrorKind.NOT_FOUND, "failed to stat " + copy.dest() + ": lstat "
                    + RootPath.relative(destRoot, dest.getParent()) + ": no such file or directory");
        }
    }

    private void copyOne(String source, CopySpec spec) throws IOException, InterruptedException {
        String dest = copy.dest();
        int slash = dest.lastIndexOf('/');
        String last = dest.substring(slash + 1);
        String ensure = last.isEmpty() || last.equals(".") ? dest : dest.substring(0, slash + 1);
        if (!ensure.isEmpty()) {
            Mkdirs.mkdirAll(RootPath.resolve(destRoot, ensure), 0755, spec.owner(), spec.time());
        }
        Path destPath = RootPath.resolve(destRoot, dest);
        Path src = RootPath.resolve(srcRoot, source, copy.followSymlink());
        Path target = prepareTarget(src, source, destPath, spec);
        TreeCopier copier = new TreeCopier(spec, new CopyFilter(copy.includePatterns(), copy.excludePatterns()),
                copy.alwaysReplaceExistingDestPaths(), roots);
        copier.copy(src, "", target, false, CopyFilter.Scope.TOP);
    }

    /** Where the source lands: inside an existing directory destination, or as the destination itself. */
    private Path prepareTarget(Path src, String source, Path destPath, CopySpec spec) throws IOException {
        FileStat srcStat = LinuxFiles.lstatIfExists(src);
        if (srcStat == null) {
            throw new KilnException(ErrorKind.NOT_FOUND, "lstat " + RootPath.relative(srcRoot, src) + ": no such file or directory");
        }
        boolean destExists = Files.exists(destPath);
        boolean destIsDir = Files.isDirectory(destPath);
        boolean srcIsDir = srcStat.isDirectory();
        Path target = destPath;
        if ((!copy.dirCopyContents() && srcIsDir && destExists) || (!srcIsDir && destIsDir)) {
            List<String> parts = RootPath.clean(source);
            target = parts.isEmpty() ? destPath : destPath.resolve(parts.getLast());
        }
        Path mkdir = copy.dirCopyContents() && srcIsDir && !destExists ? target : target.getParent();
        Mkdirs.mkdirAll(mkdir, 0755, spec.owner(), spec.time());
        return target;
    }
}
