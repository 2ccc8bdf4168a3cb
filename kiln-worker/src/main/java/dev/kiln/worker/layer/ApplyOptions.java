package dev.kiln.worker.layer;

import java.nio.file.Path;
import java.util.List;

/**
 * How a layer is extracted.
 *
 * @param whiteouts what {@code .wh.} members turn into
 * @param lowerDirs for {@link Whiteouts#OVERLAY}: the lower layers (topmost first) whose directory metadata a
 *     parent directory created in the upper directory copies, so it does not mask the lower one's
 * @param allowDevices whether character and block devices are created; when false they are skipped
 * @param sameOwner whether uid/gid from the layer are applied (false when running without privileges)
 */
public record ApplyOptions(Whiteouts whiteouts, List<Path> lowerDirs, boolean allowDevices, boolean sameOwner) {
    /** The two ways to record a deletion. */
    public enum Whiteouts {
        /** Into a plain directory: delete what the whiteout names. */
        DELETE,
        /** Into an overlay upper directory: a 0:0 character device, and trusted.overlay.opaque=y for opaque dirs. */
        OVERLAY
    }

    public ApplyOptions {
        lowerDirs = List.copyOf(lowerDirs);
    }

    /** Plain directory, devices and ownership applied (what a root BuildKit does). */
    public static ApplyOptions plain() {
        return new ApplyOptions(Whiteouts.DELETE, List.of(), true, true);
    }

    public ApplyOptions withOverlay(List<Path> lowers) {
        return new ApplyOptions(Whiteouts.OVERLAY, lowers, allowDevices, sameOwner);
    }

    public ApplyOptions withDevices(boolean allowed) {
        return new ApplyOptions(whiteouts, lowerDirs, allowed, sameOwner);
    }
}
