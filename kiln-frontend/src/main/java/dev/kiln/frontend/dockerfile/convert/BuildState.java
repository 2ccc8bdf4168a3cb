package dev.kiln.frontend.dockerfile.convert;

import dev.kiln.core.platform.Platform;

/**
 * Where a stage's filesystem stands and the process settings the next RUN inherits (BuildKit's
 * {@code llb.State}): environment (image ENV plus ARGs in scope), working directory, user, network mode
 * and platform. Immutable.
 *
 * @param output   the current filesystem, null for scratch
 * @param network  {@code sandbox}, {@code host} or {@code none}
 * @param hostname empty for the default
 */
record BuildState(Ref output, EnvList env, String dir, String user, String network, String hostname,
                  Platform platform) {

    static BuildState of(Ref output, Platform platform) {
        return new BuildState(output, EnvList.EMPTY, "/", "", "sandbox", "", platform);
    }

    BuildState withOutput(Ref ref) {
        return new BuildState(ref, env, dir, user, network, hostname, platform);
    }

    BuildState withEnv(String key, String value) {
        return new BuildState(output, env.with(key, value), dir, user, network, hostname, platform);
    }

    BuildState withDir(String d) {
        return new BuildState(output, env, d, user, network, hostname, platform);
    }

    BuildState withUser(String u) {
        return new BuildState(output, env, dir, u, network, hostname, platform);
    }

    BuildState withNetwork(String n) {
        return new BuildState(output, env, dir, user, n, hostname, platform);
    }

    BuildState withHostname(String h) {
        return new BuildState(output, env, dir, user, network, h, platform);
    }

    BuildState withPlatform(Platform p) {
        return new BuildState(output, env, dir, user, network, hostname, p);
    }
}
