package dev.kiln.worker.snapshot;

import dev.kiln.worker.sys.AtomicFiles;
import dev.kiln.worker.sys.FileStat;
import dev.kiln.worker.sys.LinuxFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The overlay trial mount's verdict, remembered in the snapshotter root ({@value #FILE}) so that a command does
 * not mount a probe on every start. The verdict is keyed by what could change it: the boot (modules, kernel
 * parameters), the kernel release, the user namespace, and the filesystem holding the root. Keeping a negative
 * verdict too means one root never flips between overlay and native snapshots while nothing changed.
 */
final class OverlayCheck {
    static final String FILE = "overlay-check";
    private static final String OK = "ok";
    private static final String UNSUPPORTED = "unsupported: ";

    private OverlayCheck() {
    }

    /** Why overlayfs cannot work under {@code root} (empty: it can), from the stored verdict when it applies. */
    static Optional<String> unsupportedReason(Path root) {
        String fingerprint;
        try {
            fingerprint = fingerprint(Files.createDirectories(root));
        } catch (IOException e) {
            return Snapshotters.overlayUnsupportedReason(root);
        }
        Path file = root.resolve(FILE);
        Optional<Optional<String>> stored = read(file, fingerprint);
        if (stored.isPresent()) {
            return stored.get();
        }
        Optional<String> verdict = Snapshotters.overlayUnsupportedReason(root);
        try {
            String line = verdict.map(r -> UNSUPPORTED + r.replace('\n', ' ')).orElse(OK);
            AtomicFiles.write(file, (fingerprint + "\n" + line + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // Not remembered: the next start probes again, which is only slower.
        }
        return verdict;
    }

    private static Optional<Optional<String>> read(Path file, String fingerprint) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return Optional.empty(); // none yet, or unreadable: probe again
        }
        if (lines.size() != 2 || !lines.get(0).equals(fingerprint)) {
            return Optional.empty();
        }
        String verdict = lines.get(1);
        if (verdict.equals(OK)) {
            return Optional.of(Optional.empty());
        }
        return verdict.startsWith(UNSUPPORTED)
                ? Optional.of(Optional.of(verdict.substring(UNSUPPORTED.length()))) : Optional.empty();
    }

    static String fingerprint(Path root) throws IOException {
        FileStat st = LinuxFiles.lstat(root);
        return "boot=" + Files.readString(Path.of("/proc/sys/kernel/random/boot_id")).strip()
                + " kernel=" + Files.readString(Path.of("/proc/sys/kernel/osrelease")).strip()
                + " userns=" + Files.readSymbolicLink(Path.of("/proc/self/ns/user"))
                + " fs=" + Long.toHexString(LinuxFiles.filesystemType(root))
                + " dev=" + st.devMajor() + ":" + st.devMinor();
    }
}
