package dev.kiln.worker.session;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;

/**
 * The ssh-agent protocol's framing and message numbers (draft-miller-ssh-agent): each message is a uint32 length
 * followed by that many bytes, the first of which is the message type.
 */
final class AgentFrames {
    static final int FAILURE = 5;
    static final int REQUEST_IDENTITIES = 11;
    static final int IDENTITIES_ANSWER = 12;
    static final int SIGN_REQUEST = 13;
    static final int SIGN_RESPONSE = 14;

    /** OpenSSH's agent refuses longer messages too (AGENT_MAX_LEN); it bounds what a client can make us buffer. */
    static final int MAX_MESSAGE = 256 * 1024;

    private AgentFrames() {
    }

    /** The next message, or empty at a clean end of stream between messages. */
    static Optional<byte[]> read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        int first = data.read();
        if (first < 0) {
            return Optional.empty();
        }
        try {
            long len = Integer.toUnsignedLong((first << 24) | (data.readUnsignedByte() << 16)
                    | (data.readUnsignedByte() << 8) | data.readUnsignedByte());
            if (len == 0 || len > MAX_MESSAGE) {
                throw new IOException("agent message of " + len + " bytes refused");
            }
            byte[] body = new byte[(int) len];
            data.readFully(body);
            return Optional.of(body);
        } catch (EOFException e) {
            throw new IOException("agent connection closed inside a message", e);
        }
    }

    static void write(OutputStream out, byte[] body) throws IOException {
        out.write(new SshWireWriter().writeString(body).toByteArray());
        out.flush();
    }

    static byte[] failure() {
        return new byte[] {FAILURE};
    }
}
