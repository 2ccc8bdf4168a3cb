package dev.kiln.graph;

import java.util.List;

/** The process of an {@link ExecOp}: argv, environment ({@code K=V}), working dir and user. */
public record ExecMeta(List<String> args, List<String> env, String cwd, String user, String hostname,
                       List<HostIp> extraHosts, List<Ulimit> ulimits, List<String> validExitCodes) {
    public ExecMeta {
        args = List.copyOf(args);
        env = List.copyOf(env);
        extraHosts = List.copyOf(extraHosts);
        ulimits = List.copyOf(ulimits);
        validExitCodes = List.copyOf(validExitCodes);
    }

    public record HostIp(String host, String ip) {
    }

    public record Ulimit(String name, long soft, long hard) {
    }
}
