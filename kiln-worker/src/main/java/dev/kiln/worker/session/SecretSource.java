package dev.kiln.worker.session;

import java.nio.file.Path;

/** Where a build secret's value comes from on the client: a file, or an environment variable. */
public sealed interface SecretSource {
    record File(Path path) implements SecretSource {
    }

    record Env(String name) implements SecretSource {
    }
}
