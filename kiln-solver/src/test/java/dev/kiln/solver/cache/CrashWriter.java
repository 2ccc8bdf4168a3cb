package dev.kiln.solver.cache;

import dev.kiln.core.Digest;

import java.nio.file.Path;
import java.util.List;

/** Child process for {@link SqliteCrashTest}: saves records with links forever, acknowledging each on stdout. */
final class CrashWriter {
    private CrashWriter() {
    }

    public static void main(String[] args) {
        CacheStore store = SqliteCacheStore.open(Path.of(args[0]));
        for (int i = 0; ; i++) {
            Digest key = Digest.sha256("key" + i);
            store.save(key, "result" + i, i, List.of(
                    new CacheLink(Digest.sha256("a" + i), 0, null, Digest.sha256("op"), key),
                    new CacheLink(Digest.sha256("b" + i), 1, Digest.sha256("sel"), Digest.sha256("op"), key),
                    new CacheLink(Digest.sha256("c" + i), 2, null, Digest.sha256("op"), key)));
            System.out.println(i);
            System.out.flush();
        }
    }
}
