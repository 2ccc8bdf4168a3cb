package dev.kiln.worker.snapshot;

import dev.kiln.worker.fstest.FsTree;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs in a child JVM that the crash test kills with SIGKILL: builds a base layer of many files (once per root),
 * prints "ready", then prepares, writes to and removes snapshots on it as fast as it can.
 */
public final class BusySnapshotUser {
    private BusySnapshotUser() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[1]);
        Snapshotter sn = Snapshotters.open(root, args[0]);
        Mounter mounter = new Mounter(root.resolve("mounts"));
        List<String> names = new ArrayList<>();
        sn.walk(info -> names.add(info.name()));
        if (!names.contains("base")) {
            mounter.withMounted(sn.prepare("base-active", null), dir -> {
                for (int i = 0; i < 400; i++) {
                    FsTree.file(dir, "d" + (i % 20) + "/f" + i, "content " + i);
                }
                return null;
            });
            sn.commit("base", "base-active");
        }
        System.out.println("ready");
        System.out.flush();
        for (int i = 0; ; i++) {
            String key = "k" + ProcessHandle.current().pid() + "-" + i;
            sn.prepare(key, "base");
            mounter.withMounted(sn.mounts(key), dir -> FsTree.file(dir, "written", "x"));
            if (i % 2 == 0) {
                sn.remove(key);
            }
        }
    }
}
