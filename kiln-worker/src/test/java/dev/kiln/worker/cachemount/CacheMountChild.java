package dev.kiln.worker.cachemount;

import dev.kiln.graph.ExecMount.Sharing;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A second Kiln process for the cross-process tests: acquires a cache mount, writes a marker file, reports
 * {@code HELD <dir>}, holds it until a line (or end of input) arrives on stdin, then releases and exits.
 */
public final class CacheMountChild {
    private CacheMountChild() {
    }

    public static void main(String[] args) throws Exception {
        CacheMountManager manager = CacheMountManager.open(Path.of(args[0]));
        CacheMount mount = manager.acquire(CacheMountSpec.of("", args[1], Sharing.valueOf(args[2])));
        Files.writeString(mount.directory().resolve("from-child"), "hello");
        System.out.println("HELD " + mount.directory());
        System.out.flush();
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        mount.release();
        System.out.println("RELEASED");
    }
}
