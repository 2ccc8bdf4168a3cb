package dev.kiln.worker.session;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/** Builds SSH wire encodings (RFC 4251 §5): byte, uint32, string, mpint. */
final class SshWireWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    SshWireWriter writeByte(int b) {
        out.write(b);
        return this;
    }

    SshWireWriter writeUint32(int v) {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
        return this;
    }

    SshWireWriter writeString(byte[] s) {
        writeUint32(s.length);
        out.writeBytes(s);
        return this;
    }

    SshWireWriter writeString(String s) {
        return writeString(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Two's complement, minimal length, zero as the empty string: exactly RFC 4251's mpint. */
    SshWireWriter writeMpint(BigInteger v) {
        return writeString(v.signum() == 0 ? new byte[0] : v.toByteArray());
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }
}
