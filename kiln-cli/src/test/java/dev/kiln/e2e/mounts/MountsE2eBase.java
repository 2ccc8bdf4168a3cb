package dev.kiln.e2e.mounts;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

/** A fresh state root per test class, and the check that the class left nothing mounted under it. */
abstract class MountsE2eBase {
    @TempDir
    static Path dir;
    static Kiln kiln;

    @BeforeAll
    static void openKiln() {
        Kiln.assumeBuildsCanRun();
        kiln = new Kiln(dir.resolve("root"));
    }

    @AfterAll
    static void nothingLeftMounted() throws IOException {
        if (kiln != null) {
            kiln.assertNothingMounted();
        }
    }
}
