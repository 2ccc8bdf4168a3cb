package dev.kiln.frontend.dockerfile.convert;

/**
 * Where a stage's filesystem stands and the process settings the next RUN inherits (BuildKit's
 * {@code llb.State}): environment (image ENV plus ARGs in scope), working directory, user and network
 * mode. Immutable.
 *
 * @param output   the current filesystem, null for scratch
 * @param network  {@code sandbox}, {@code host} or {@code none}
 * @param hostname empty for the default
 */
record BuildState(Ref output, EnvList env, String dir, String user, String network, String hostname) {

    static BuildState of(Ref output) {
        return new BuildState(output, EnvList.EMPTY, "/", "", "sandbox", "");
    }

    BuildState withOutput(Ref ref) {
        return new BuildState(ref, env, dir, user, network, hostname);
    }

    BuildState withEnv(String key, String value) {
        return new BuildState(output, env.with(key, value), dir, user, network, hostname);
    }

    BuildState withDir(String d) {
        return new BuildState(output, env, d, user, network, hostname);
    }

    BuildState withUser(String u) {
        return new BuildState(output, env, dir, u, network, hostname);
    }

    BuildState withNetwork(String n) {
        return new BuildState(output, env, dir, user, n, hostname);
    }

    BuildState withHostname(String h) {
        return new BuildState(output, env, dir, user, network, h);
    }
}
