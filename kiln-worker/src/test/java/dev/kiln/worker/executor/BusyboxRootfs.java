package dev.kiln.worker.executor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A minimal rootfs made from the host's static busybox, with the applet links `busybox --install -s`
 * makes (relative here, so nothing points outside the temp dir).
 */
final class BusyboxRootfs {
    static final Path BUSYBOX = Path.of("/bin/busybox");

    private BusyboxRootfs() {
    }

    static boolean available() {
        return Files.isExecutable(BUSYBOX);
    }

    static Path create(Path dir) throws IOException, InterruptedException {
        for (String sub : List.of("bin", "sbin", "usr/bin", "usr/sbin", "etc", "tmp", "root", "proc", "sys", "dev")) {
            Files.createDirectories(dir.resolve(sub));
        }
        Files.copy(BUSYBOX, dir.resolve("bin/busybox"));
        for (String applet : applets()) {
            Path link = dir.resolve(applet);
            if (!Files.exists(link)) {
                Files.createDirectories(link.getParent());
                Files.createSymbolicLink(link, link.getParent().relativize(dir.resolve("bin/busybox")));
            }
        }
        return dir;
    }

    private static List<String> applets() throws IOException, InterruptedException {
        Process list = new ProcessBuilder(BUSYBOX.toString(), "--list-full").start();
        String out = new String(list.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (list.waitFor() != 0) {
            throw new IOException("busybox --list-full failed");
        }
        return out.lines().filter(l -> !l.isBlank()).toList();
    }
}
