package dev.kiln.worker.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kiln.worker.sys.MountTable;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** kill -9 of a process in the middle of snapshot work must not break the next open. */
class SnapshotterCrashTest {
    @TempDir
    Path temp;

    @AfterEach
    void noMountsLeft() throws IOException {
        assertThat(MountTable.mountPointsUnder(temp)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlayfs", "native"})
    void killedMidPrepare_nextOpenIsConsistentAndUsable(String kind) throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "snapshots need root");
        Path root = temp.resolve("root");
        killWhileBusy(kind, root, 300);
        try (Snapshotter sn = Snapshotters.open(root, kind)) {
            assertThat(MountTable.mountPointsUnder(root)).isEmpty();
            List<Info> infos = new ArrayList<>();
            sn.walk(infos::add);
            try (var dirs = Files.list(root.resolve("snapshots"))) {
                assertThat(dirs.map(p -> p.getFileName().toString()).toList())
                        .allMatch(n -> n.matches("[0-9]+")).hasSize(infos.size());
            }
            Mounter mounter = new Mounter(root.resolve("mounts"));
            for (Info info : infos) {
                if (info.kind() == Kind.ACTIVE && info.name().startsWith("k")) {
                    mounter.withMounted(sn.mounts(info.name()), dir -> {
                        assertThat(dir.resolve("d0/f0")).hasContent("content 0");
                        return null;
                    });
                    sn.remove(info.name());
                }
            }
            mounter.withMounted(sn.prepare("after-crash", "base"),
                    dir -> assertThat(dir.resolve("d19/f399")).hasContent("content 399"));
        }
    }

    private static void killWhileBusy(String kind, Path root, long busyMillis) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), BusySnapshotUser.class.getName(), kind, root.toString())
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            List<String> chatter = new ArrayList<>();
            String line;
            while ((line = out.readLine()) != null && !line.equals("ready")) {
                chatter.add(line);
            }
            assertThat(line).as("child never got ready: %s", chatter).isEqualTo("ready");
            Thread.sleep(busyMillis);
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }
}
