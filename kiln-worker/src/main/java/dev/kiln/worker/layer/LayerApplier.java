package dev.kiln.worker.layer;

import dev.kiln.core.Digest;
import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.worker.snapshot.Mount;
import dev.kiln.worker.snapshot.Mounter;
import dev.kiln.worker.snapshot.Snapshotter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Extracts OCI layers (tar, tar+gzip or tar+zstd, told apart by their magic bytes) safely: nothing is ever written
 * outside the target, whatever the member names ({@code ../}, absolute paths, a member named {@code /}), symlinks
 * ({@code x -> /} or {@code x -> ..} followed by {@code x/file}) or hard links in the layer; see
 * {@link dev.kiln.worker.sys.RootPath}. Whiteouts and opaque directories are applied, ownership, modes, mtimes
 * and xattrs restored.
 *
 * <p>All-or-nothing is the snapshot's job, not the directory's: {@link #applyToSnapshot} extracts into a fresh
 * active snapshot and only commits it (under the final name) once the whole stream has been applied and its diffID
 * checked; on any failure that active snapshot is removed, so a half-applied layer never exists under a committed
 * name (and if the process dies mid-way, the snapshotter discards the uncommitted snapshot's leftovers on the next
 * open, or it stays an uncommitted active key that nothing treats as a layer). {@link #apply} into a plain
 * directory has no such guarantee.
 *
 * <p>Errors are {@link KilnException}s: INVALID_ARGUMENT for a malformed, truncated or mismatching layer,
 * INTERNAL for local I/O failures.
 */
public final class LayerApplier {
    private final Mounter mounter;

    public LayerApplier(Mounter mounter) {
        this.mounter = mounter;
    }

    /** Extracts {@code blob} into the directory {@code root} (not atomic; see the class comment). */
    public ApplyResult apply(InputStream blob, Path root, ApplyOptions options) {
        try (LayerStream tar = LayerStream.start(blob)) {
            new TarApplier(root, options).apply(new TarReader(tar));
            tar.drain();
            return new ApplyResult(tar.digest(), tar.count());
        } catch (MalformedLayerException e) {
            throw new KilnException(ErrorKind.INVALID_ARGUMENT, "malformed layer: " + e.getMessage(), e);
        } catch (InterruptedIOException e) {
            throw new KilnException(ErrorKind.CANCELED, "apply layer to " + root + ": interrupted", e);
        } catch (IOException e) {
            throw new KilnException(ErrorKind.INTERNAL, "apply layer to " + root + ": " + e.getMessage(), e);
        }
    }

    /**
     * Makes the committed snapshot {@code name} = {@code parent} (null: none) plus {@code blob}, labelled with its
     * diffID ({@link Snapshotter#LABEL_DIFF_ID}). Overlay snapshots are filled through their upper directory with
     * overlay whiteouts; others through their mount. {@code expectedDiffId} (null: unchecked) must match the
     * uncompressed stream. See the class comment for what happens on failure.
     */
    public ApplyResult applyToSnapshot(Snapshotter sn, String name, String parent, InputStream blob,
                                       Digest expectedDiffId, ApplyOptions options) {
        return applyToSnapshot(sn, name, parent, blob, expectedDiffId, options, Map.of());
    }

    /** As above, with more labels for the committed snapshot (for example the blob it came from). */
    public ApplyResult applyToSnapshot(Snapshotter sn, String name, String parent, InputStream blob,
                                       Digest expectedDiffId, ApplyOptions options, Map<String, String> labels) {
        String key = "extract-" + UUID.randomUUID() + " " + name;
        List<Mount> mounts = sn.prepare(key, parent);
        boolean committed = false;
        try {
            ApplyResult result = applyToMounts(mounts, blob, options);
            if (expectedDiffId != null && !expectedDiffId.equals(result.diffId())) {
                throw new KilnException(ErrorKind.INVALID_ARGUMENT, "layer " + name + ": diffID " + result.diffId()
                        + " does not match the expected " + expectedDiffId);
            }
            Map<String, String> all = new HashMap<>(labels);
            all.put(Snapshotter.LABEL_DIFF_ID, result.diffId().toString());
            sn.commit(name, key, all);
            committed = true;
            return result;
        } finally {
            if (!committed) {
                sn.remove(key);
            }
        }
    }

    private ApplyResult applyToMounts(List<Mount> mounts, InputStream blob, ApplyOptions options) {
        Mount only = mounts.size() == 1 ? mounts.getFirst() : null;
        if (only != null && only.type().equals("overlay") && only.option("upperdir").isPresent()) {
            List<Path> lowers = only.lowerDirs().stream().map(Path::of).toList();
            return apply(blob, Path.of(only.option("upperdir").get()), options.withOverlay(lowers));
        }
        if (only != null && only.type().equals("bind") && !only.isReadOnly() && only.target().isEmpty()) {
            return apply(blob, Path.of(only.source()), options);
        }
        try {
            return mounter.withMounted(mounts, dir -> apply(blob, dir, options));
        } catch (IOException e) {
            throw new KilnException(ErrorKind.INTERNAL, "apply layer: " + e.getMessage(), e);
        }
    }
}
