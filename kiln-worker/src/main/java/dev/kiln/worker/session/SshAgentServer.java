package dev.kiln.worker.session;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.worker.sys.LinuxFiles;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channel;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An ssh-agent socket Kiln serves for one exec step. The caller bind-mounts {@link #socket()} into the container
 * (BuildKit's default target is {@code /run/buildkit/ssh_agent.N}) and closes the server when the step ends,
 * which drops every connection and removes the socket.
 */
public final class SshAgentServer implements AutoCloseable {
    /** Opens the backend for one client connection. */
    @FunctionalInterface
    interface BackendFactory {
        AgentBackend open() throws IOException;
    }

    private final Path socket;
    private final ServerSocketChannel server;
    private final BackendFactory backends;
    private final Set<SocketChannel> clients = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;

    private SshAgentServer(Path socket, ServerSocketChannel server, BackendFactory backends) {
        this.socket = socket;
        this.server = server;
        this.backends = backends;
        this.acceptor = Thread.ofVirtual().name("kiln-ssh-agent-accept").unstarted(this::acceptLoop);
    }

    /** Listens on a new socket at {@code socket} (which must not exist) owned by uid:gid with {@code mode}. */
    static SshAgentServer start(Path socket, int uid, int gid, int mode, BackendFactory backends) {
        ServerSocketChannel ch = null;
        try {
            ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            ch.bind(UnixDomainSocketAddress.of(socket));
            LinuxFiles.lchown(socket, uid, gid);
            LinuxFiles.chmod(socket, mode & 0777);
        } catch (IOException | RuntimeException e) {
            closeQuietly(ch);
            throw new KilnException(ErrorKind.INTERNAL, "ssh agent socket " + socket + ": " + e.getMessage(), e);
        }
        SshAgentServer s = new SshAgentServer(socket, ch, backends);
        s.acceptor.start();
        return s;
    }

    public Path socket() {
        return socket;
    }

    private void acceptLoop() {
        while (server.isOpen()) {
            try {
                SocketChannel client = server.accept();
                clients.add(client);
                Thread.ofVirtual().name("kiln-ssh-agent-conn").start(() -> serve(client));
            } catch (IOException e) {
                return; // closed by close(), or the listener failed: either way no more clients
            }
        }
    }

    private void serve(SocketChannel client) {
        try (client; AgentBackend backend = backends.open()) {
            new AgentConnection(Channels.newInputStream(client), Channels.newOutputStream(client), backend).serve();
        } catch (IOException e) {
            // A malformed request or an unreachable upstream agent ends this connection only; ssh reports it.
        } finally {
            clients.remove(client);
        }
    }

    /** Stops listening, drops open connections and removes the socket file. */
    @Override
    public void close() {
        closeQuietly(server);
        clients.forEach(SshAgentServer::closeQuietly);
        try {
            acceptor.join();
            Files.deleteIfExists(socket);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new KilnException(ErrorKind.INTERNAL, "remove ssh agent socket " + socket + ": " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(Channel ch) {
        if (ch == null) {
            return;
        }
        try {
            ch.close();
        } catch (IOException e) {
            // closing a socket we are abandoning: nothing useful to do with the error
        }
    }
}
