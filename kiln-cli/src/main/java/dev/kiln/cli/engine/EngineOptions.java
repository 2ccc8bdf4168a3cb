package dev.kiln.cli.engine;

import dev.kiln.cli.config.ConfigLoader;
import dev.kiln.cli.config.KilnConfig;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the engine keeps its state, shared by every command that opens it: {@code --root}, else
 * {@code $KILN_ROOT}, else the config's {@code root}, else {@code /var/lib/kiln}.
 */
public final class EngineOptions {
    static final Path DEFAULT_ROOT = Path.of("/var/lib/kiln");

    @Option(names = "--root", paramLabel = "DIR", description = "State directory (default: $KILN_ROOT, the config's root, /var/lib/kiln).")
    Path root;

    @Option(names = "--config", paramLabel = "FILE", description = "Configuration file in buildkitd.toml syntax (default: $KILN_CONFIG, /etc/kiln/kiln.toml).")
    Path config;

    public KilnConfig config() {
        return ConfigLoader.load(config, System.getenv());
    }

    public Path root(KilnConfig loaded) {
        return resolveRoot(root, System.getenv(), loaded);
    }

    static Path resolveRoot(Path flag, Map<String, String> env, KilnConfig config) {
        if (flag != null) {
            return flag;
        }
        String fromEnv = env.get("KILN_ROOT");
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return Path.of(fromEnv);
        }
        return config.root() != null ? Path.of(config.root()) : DEFAULT_ROOT;
    }

    public Engine open() {
        KilnConfig loaded = config();
        return Engine.open(root(loaded), loaded);
    }
}
