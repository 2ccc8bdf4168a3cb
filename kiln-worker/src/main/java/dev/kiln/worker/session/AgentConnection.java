package dev.kiln.worker.session;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;

/**
 * Serves one client of the agent socket: answers REQUEST_IDENTITIES and SIGN_REQUEST from the backend and
 * SSH_AGENT_FAILURE to every other request, until the client hangs up or sends something malformed.
 */
final class AgentConnection {
    private final InputStream in;
    private final OutputStream out;
    private final AgentBackend backend;

    AgentConnection(InputStream in, OutputStream out, AgentBackend backend) {
        this.in = in;
        this.out = out;
        this.backend = backend;
    }

    void serve() throws IOException {
        for (Optional<byte[]> msg = AgentFrames.read(in); msg.isPresent(); msg = AgentFrames.read(in)) {
            AgentFrames.write(out, answer(msg.get()));
        }
    }

    private byte[] answer(byte[] message) throws IOException {
        SshWireReader r = new SshWireReader(message);
        return switch (r.readByte()) {
            case AgentFrames.REQUEST_IDENTITIES -> identities(backend.identities());
            case AgentFrames.SIGN_REQUEST -> sign(r);
            default -> AgentFrames.failure();
        };
    }

    private static byte[] identities(List<AgentIdentity> ids) {
        SshWireWriter w = new SshWireWriter().writeByte(AgentFrames.IDENTITIES_ANSWER).writeUint32(ids.size());
        for (AgentIdentity id : ids) {
            w.writeString(id.keyBlob()).writeString(id.comment());
        }
        return w.toByteArray();
    }

    private byte[] sign(SshWireReader r) throws IOException {
        byte[] keyBlob = r.readString();
        byte[] data = r.readString();
        int flags = r.remaining() >= 4 ? r.readUint32() : 0;
        return backend.sign(keyBlob, data, flags)
                .map(sig -> new SshWireWriter().writeByte(AgentFrames.SIGN_RESPONSE).writeString(sig).toByteArray())
                .orElseGet(AgentFrames::failure);
    }
}
