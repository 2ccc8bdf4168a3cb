package dev.kiln.worker.session;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.graph.ExecMount;
import dev.kiln.worker.sys.FileStat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The SSH agents a build may use, one per {@code --ssh} id, resolved like BuildKit's agent provider: all paths of
 * one id are either a single agent socket (forwarded, read-only) or private key files (served by Kiln itself).
 */
public final class SshAgents {
    private static final int MAX_KEY_FILE = 100 * 1024;

    private final Map<String, SshAgentServer.BackendFactory> agents;

    private SshAgents(Map<String, SshAgentServer.BackendFactory> agents) {
        this.agents = Map.copyOf(agents);
    }

    public static SshAgents none() {
        return new SshAgents(Map.of());
    }

    public static SshAgents resolve(List<SshSpec> specs) {
        return resolve(specs, System.getenv());
    }

    /** Reads every key file now, so a bad flag fails before the build starts. */
    public static SshAgents resolve(List<SshSpec> specs, Map<String, String> env) {
        Map<String, SshAgentServer.BackendFactory> agents = new LinkedHashMap<>();
        for (SshSpec spec : specs) {
            String id = spec.effectiveId();
            if (agents.containsKey(id)) {
                throw new KilnException(ErrorKind.INVALID_ARGUMENT, "duplicate agent ID \"" + id + "\"");
            }
            agents.put(id, backendFor(id, pathsOf(spec, env)));
        }
        return new SshAgents(agents);
    }

    public Set<String> ids() {
        return agents.keySet();
    }

    /**
     * Starts the agent socket for one ssh mount at {@code socket}, owned and permissioned as the mount asks. Empty
     * when the id was not forwarded and the mount is optional.
     */
    public Optional<SshAgentServer> serve(ExecMount.SshOpt opt, Path socket) {
        String id = opt.id().isEmpty() ? SshSpec.DEFAULT_ID : opt.id();
        SshAgentServer.BackendFactory backend = agents.get(id);
        if (backend == null) {
            if (opt.optional()) {
                return Optional.empty();
            }
            throw new KilnException(ErrorKind.NOT_FOUND, "no SSH key \"" + id + "\" forwarded from the client");
        }
        return Optional.of(SshAgentServer.start(socket, opt.uid(), opt.gid(), opt.mode(), backend));
    }

    private static List<String> pathsOf(SshSpec spec, Map<String, String> env) {
        if (!spec.paths().isEmpty() && !(spec.paths().size() == 1 && spec.paths().getFirst().isEmpty())) {
            return spec.paths();
        }
        String sock = env.getOrDefault("SSH_AUTH_SOCK", "");
        if (sock.isEmpty()) {
            throw new KilnException(ErrorKind.INVALID_ARGUMENT,
                    "ssh " + spec.effectiveId() + ": invalid empty ssh agent socket: make sure SSH_AUTH_SOCK is set");
        }
        return List.of(sock);
    }

    private static SshAgentServer.BackendFactory backendFor(String id, List<String> paths) {
        Path socket = null;
        List<SshPrivateKey> keys = new ArrayList<>();
        for (String p : paths) {
            Path path = Path.of(p);
            if (socket != null) {
                throw invalid(id, "only single socket allowed");
            }
            if (isSocket(id, path)) {
                socket = path;
            } else {
                keys.add(readKey(id, path));
            }
        }
        if (socket != null && !keys.isEmpty()) {
            throw invalid(id, "invalid combination of keys and sockets");
        }
        Path agent = socket;
        return agent != null ? () -> ForwardingBackend.connect(agent) : () -> new KeyringBackend(keys);
    }

    /** Follows symlinks, as Go's os.Stat in BuildKit does: a link to an agent socket is a socket. */
    private static boolean isSocket(String id, Path path) {
        try {
            int mode = (Integer) Files.getAttribute(path, "unix:mode");
            return (mode & FileStat.S_IFMT) == FileStat.S_IFSOCK;
        } catch (NoSuchFileException e) {
            throw invalid(id, "stat " + path + ": no such file or directory");
        } catch (IOException e) {
            throw invalid(id, "stat " + path + ": " + e.getMessage());
        }
    }

    private static SshPrivateKey readKey(String id, Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            return SshKeyFiles.parse(in.readNBytes(MAX_KEY_FILE));
        } catch (SshFormatException e) {
            throw invalid(id, "failed to parse " + path + ": " + e.getMessage());
        } catch (IOException e) {
            throw invalid(id, "failed to read " + path + ": " + e.getMessage());
        }
    }

    private static KilnException invalid(String id, String message) {
        return new KilnException(ErrorKind.INVALID_ARGUMENT, "ssh " + id + ": " + message);
    }
}
