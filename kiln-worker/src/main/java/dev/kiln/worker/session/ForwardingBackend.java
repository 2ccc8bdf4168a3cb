package dev.kiln.worker.session;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Relays list and sign requests to the user's own ssh-agent over one upstream connection per client connection,
 * so the agent sees exactly as many connections as the build opened.
 */
final class ForwardingBackend implements AgentBackend {
    private final SocketChannel upstream;
    private final InputStream in;
    private final OutputStream out;

    private ForwardingBackend(SocketChannel upstream) {
        this.upstream = upstream;
        this.in = Channels.newInputStream(upstream);
        this.out = Channels.newOutputStream(upstream);
    }

    static ForwardingBackend connect(Path agentSocket) throws IOException {
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            ch.connect(UnixDomainSocketAddress.of(agentSocket));
        } catch (IOException e) {
            ch.close();
            throw new IOException("failed to connect to " + agentSocket + ": " + e.getMessage(), e);
        }
        return new ForwardingBackend(ch);
    }

    @Override
    public List<AgentIdentity> identities() throws IOException {
        SshWireReader r = call(new byte[] {AgentFrames.REQUEST_IDENTITIES});
        if (r.readByte() != AgentFrames.IDENTITIES_ANSWER) {
            throw new IOException("ssh-agent refused to list keys");
        }
        int n = r.readUint32();
        List<AgentIdentity> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(new AgentIdentity(r.readString(), r.readString()));
        }
        return ids;
    }

    @Override
    public Optional<byte[]> sign(byte[] keyBlob, byte[] data, int flags) throws IOException {
        byte[] request = new SshWireWriter().writeByte(AgentFrames.SIGN_REQUEST)
                .writeString(keyBlob).writeString(data).writeUint32(flags).toByteArray();
        SshWireReader r = call(request);
        return r.readByte() == AgentFrames.SIGN_RESPONSE ? Optional.of(r.readString()) : Optional.empty();
    }

    private SshWireReader call(byte[] request) throws IOException {
        AgentFrames.write(out, request);
        return new SshWireReader(AgentFrames.read(in)
                .orElseThrow(() -> new IOException("ssh-agent closed the connection")));
    }

    @Override
    public void close() throws IOException {
        upstream.close();
    }
}
