package dev.kiln.worker.layer;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.worker.snapshot.Info;
import dev.kiln.worker.snapshot.Kind;
import dev.kiln.worker.snapshot.Mount;
import dev.kiln.worker.snapshot.Mounter;
import dev.kiln.worker.snapshot.Snapshotter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes the difference between two snapshots as an uncompressed OCI layer tar, byte-identical to what BuildKit
 * writes for the same trees (see {@link ChangeWriter} for the member rules), and returns its diffID.
 */
public final class LayerDiffer {
    private final Mounter mounter;

    public LayerDiffer(Mounter mounter) {
        this.mounter = mounter;
    }

    /**
     * Diffs snapshot mounts the way BuildKit chooses: straight from the upper directory when {@code upper} is an
     * overlay adding exactly one layer to {@code lower}, otherwise by walking both trees (each mounted read-only
     * when needed). {@code lower} is empty for a snapshot without parent.
     */
    public DiffResult diff(List<Mount> lower, List<Mount> upper, OutputStream out, DiffOptions options) {
        Optional<Path> upperdir = OverlayLayers.upperdir(lower, upper);
        try {
            return mounter.withReadOnly(lower, lowerRoot -> upperdir.isPresent()
                    ? diffUpperdir(upperdir.get(), lowerRoot, out, options)
                    : mounter.withReadOnly(upper, upperRoot -> diffTrees(lowerRoot, upperRoot, out, options)));
        } catch (IOException e) {
            throw failure(upper.toString(), e);
        }
    }

    /**
     * The layer snapshot {@code key} (active or committed) adds to its parent: views of the parent (and of
     * {@code key} when committed) are made for the duration and removed afterwards.
     */
    public DiffResult diff(Snapshotter sn, String key, OutputStream out, DiffOptions options) {
        Info info = sn.stat(key);
        String lowerKey = "diff-lower-" + UUID.randomUUID();
        String upperKey = "diff-upper-" + UUID.randomUUID();
        List<String> views = new ArrayList<>();
        try {
            List<Mount> lower = List.of();
            if (info.parent() != null) {
                lower = sn.view(lowerKey, info.parent());
                views.add(lowerKey);
            }
            List<Mount> upper;
            if (info.kind() == Kind.COMMITTED) {
                upper = sn.view(upperKey, key);
                views.add(upperKey);
            } else {
                upper = sn.mounts(key);
            }
            return diff(lower, upper, out, options);
        } finally {
            views.forEach(sn::remove);
        }
    }

    /** BuildKit's overlay differ: the changes an overlay upper directory records on top of {@code lowerRoot}. */
    public DiffResult diffUpperdir(Path upperdir, Path lowerRoot, OutputStream out, DiffOptions options) {
        return write(out, upperdir, options, cw -> new OverlayChanges(upperdir, lowerRoot, cw).run());
    }

    /** The walking differ: everything that differs between two whole trees. */
    public DiffResult diffTrees(Path lowerRoot, Path upperRoot, OutputStream out, DiffOptions options) {
        return write(out, upperRoot, options, cw -> new WalkingChanges(lowerRoot, upperRoot, n -> true, "", cw).run());
    }

    @FunctionalInterface
    private interface Changes {
        void report(ChangeWriter to) throws IOException;
    }

    private static DiffResult write(OutputStream out, Path source, DiffOptions options, Changes changes) {
        HashingOutputStream hashing = new HashingOutputStream(out);
        try (TarWriter tar = new TarWriter(hashing)) {
            changes.report(new ChangeWriter(tar, source, options.modTimeUpperBound()));
        } catch (IOException e) {
            throw failure(source.toString(), e);
        }
        return new DiffResult(hashing.digest(), hashing.count());
    }

    private static KilnException failure(String what, IOException e) {
        return new KilnException(ErrorKind.INTERNAL, "diff of " + what + ": " + e.getMessage(), e);
    }
}
