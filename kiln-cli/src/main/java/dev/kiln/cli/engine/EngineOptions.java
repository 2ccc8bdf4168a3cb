package dev.kiln.cli.engine;

import dev.kiln.cli.args.Options;
import dev.kiln.cli.config.ConfigLoader;
import dev.kiln.cli.config.KilnConfig;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the engine keeps its state, shared by every command that opens it: {@code --root}, else
 * {@code $KILN_ROOT}, else the config's {@code root}, else {@code /var/lib/kiln}.
 */
public final class EngineOptions {
    static final Path DEFAULT_ROOT = Path.of("/var/lib/kiln");

    private Path root;
    private Path config;

    /** Declares {@code --root} and {@code --config}. */
    public void declare(Options o) {
        o.option("--root").value("DIR",
                "State directory (default: $KILN_ROOT, the config's root, /var/lib/kiln).", v -> root = Path.of(v));
        o.option("--config").value("FILE",
                "Configuration file in buildkitd.toml syntax (default: $KILN_CONFIG, /etc/kiln/kiln.toml).",
                v -> config = Path.of(v));
    }

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
