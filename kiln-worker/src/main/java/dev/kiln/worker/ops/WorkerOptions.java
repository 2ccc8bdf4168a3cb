package dev.kiln.worker.ops;

import dev.kiln.graph.ExecMeta;
import dev.kiln.worker.session.SecretStore;
import dev.kiln.worker.session.SshAgents;

import java.util.List;
import java.util.Set;

/**
 * Build-wide settings of RUN steps that are not part of the graph: {@code --shm-size} (0 = BuildKit's
 * 64 MiB) and {@code --ulimit} defaults, which a step's own ulimits override; the client's secrets
 * ({@code --secret}) and SSH agents ({@code --ssh}), which never enter the graph or a cache key; and the
 * entitlements the build was granted ({@code --allow}).
 */
public record WorkerOptions(long shmSize, List<ExecMeta.Ulimit> ulimits, SecretStore secrets, SshAgents ssh,
                            Set<Entitlement> allowed) {
    public WorkerOptions {
        ulimits = List.copyOf(ulimits);
        allowed = Set.copyOf(allowed);
    }
}
