package dev.kiln.worker.session;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads the SSH wire encoding (RFC 4251 §5) from a byte array: uint32, string, mpint. Every read is bounds-checked
 * so a truncated or hostile message fails with {@link SshFormatException}, never an index exception.
 */
final class SshWireReader {
    private final byte[] data;
    private int pos;

    SshWireReader(byte[] data) {
        this.data = data;
    }

    int remaining() {
        return data.length - pos;
    }

    int readByte() throws SshFormatException {
        need(1);
        return data[pos++] & 0xff;
    }

    int readUint32() throws SshFormatException {
        need(4);
        int v = ((data[pos] & 0xff) << 24) | ((data[pos + 1] & 0xff) << 16) | ((data[pos + 2] & 0xff) << 8)
                | (data[pos + 3] & 0xff);
        pos += 4;
        return v;
    }

    byte[] readString() throws SshFormatException {
        long len = Integer.toUnsignedLong(readUint32());
        if (len > remaining()) {
            throw new SshFormatException("string of " + len + " bytes overruns the message");
        }
        byte[] s = Arrays.copyOfRange(data, pos, pos + (int) len);
        pos += (int) len;
        return s;
    }

    String readUtf8() throws SshFormatException {
        return new String(readString(), StandardCharsets.UTF_8);
    }

    BigInteger readMpint() throws SshFormatException {
        byte[] b = readString();
        return b.length == 0 ? BigInteger.ZERO : new BigInteger(b);
    }

    byte[] readRest() {
        byte[] rest = Arrays.copyOfRange(data, pos, data.length);
        pos = data.length;
        return rest;
    }

    private void need(int n) throws SshFormatException {
        if (remaining() < n) {
            throw new SshFormatException("message truncated");
        }
    }
}
