package dev.kiln.worker.session;

import java.util.Arrays;
import java.util.List;

/**
 * One {@code --ssh} flag as buildx reads it: {@code ID} or {@code ID=PATH[,PATH...]}, each path an agent socket
 * or a private key file. An empty id means {@code default}; no paths means the agent at {@code $SSH_AUTH_SOCK}.
 */
public record SshSpec(String id, List<String> paths) {
    public static final String DEFAULT_ID = "default";

    public SshSpec {
        paths = List.copyOf(paths);
    }

    public static SshSpec parse(String flag) {
        int eq = flag.indexOf('=');
        if (eq < 0) {
            return new SshSpec(flag, List.of());
        }
        return new SshSpec(flag.substring(0, eq), Arrays.asList(flag.substring(eq + 1).split(",", -1)));
    }

    /** The id BuildKit registers the agent under: {@code default} when none was given. */
    public String effectiveId() {
        return id.isEmpty() ? DEFAULT_ID : id;
    }
}
