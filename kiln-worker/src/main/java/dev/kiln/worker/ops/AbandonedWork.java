package dev.kiln.worker.ops;

import dev.kiln.core.KilnException;
import dev.kiln.worker.snapshot.Kind;
import dev.kiln.worker.snapshot.Mounter;
import dev.kiln.worker.snapshot.Snapshotter;
import dev.kiln.worker.sys.FileTrees;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cleans up after build steps whose Kiln process died (kill -9, power loss): their mounts under the
 * worker's mount directory and their uncommitted snapshots. A step's keys carry the pid of the
 * process that made them ({@code exec-<pid>-<random>}), so work of a live process — another build
 * sharing the state root — is never touched.
 */
final class AbandonedWork {
    private static final Pattern OWNED_KEY = Pattern.compile("[a-z]+-(\\d+)-[0-9a-f]+");

    private AbandonedWork() {
    }

    /** The key prefix of this process's work. */
    static String ownerTag() {
        return Long.toString(ProcessHandle.current().pid());
    }

    static void sweep(Snapshotter snapshotter, Path mountRoot) {
        unmountAbandoned(mountRoot);
        List<String> keys = new ArrayList<>();
        snapshotter.walk(EnumSet.of(Kind.ACTIVE, Kind.VIEW), info -> {
            if (isAbandoned(info.name())) {
                keys.add(info.name());
            }
        });
        for (String key : keys) {
            try {
                snapshotter.remove(key);
            } catch (KilnException e) {
                // a view or child still holds it; a later sweep gets it
            }
        }
    }

    private static void unmountAbandoned(Path mountRoot) {
        if (!Files.isDirectory(mountRoot)) {
            return;
        }
        try (var dirs = Files.list(mountRoot)) {
            for (Path dir : dirs.toList()) {
                if (isAbandoned(dir.getFileName().toString())) {
                    Mounter.unmountAllUnder(dir);
                    FileTrees.deleteRecursively(dir);
                }
            }
        } catch (IOException e) {
            // what cannot be cleaned now stays harmless until the next sweep
        }
    }

    static boolean isAbandoned(String key) {
        OptionalLong pid = ownerPid(key);
        return pid.isPresent() && ProcessHandle.of(pid.getAsLong()).map(p -> !p.isAlive()).orElse(true);
    }

    private static OptionalLong ownerPid(String key) {
        Matcher m = OWNED_KEY.matcher(key);
        return m.matches() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
    }
}
