package dev.kiln.worker.session;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Arrays;

/**
 * A private key loaded into Kiln's own agent, with the public key blob clients identify it by. It stays inside
 * the Kiln process: only signatures leave through the agent socket.
 */
final class SshPrivateKey {
    /** SSH_AGENT_RSA_SHA2_256 / _512 sign-request flags (draft-miller-ssh-agent §4.5.1). */
    static final int RSA_SHA2_256 = 2;
    static final int RSA_SHA2_512 = 4;

    private final SshKeyType type;
    private final byte[] publicBlob;
    private final PrivateKey key;
    private final String comment;

    SshPrivateKey(SshKeyType type, byte[] publicBlob, PrivateKey key, String comment) {
        this.type = type;
        this.publicBlob = publicBlob.clone();
        this.key = key;
        this.comment = comment;
    }

    SshKeyType type() {
        return type;
    }

    byte[] publicBlob() {
        return publicBlob.clone();
    }

    String comment() {
        return comment;
    }

    boolean matches(byte[] blob) {
        return Arrays.equals(publicBlob, blob);
    }

    /** The SSH signature blob ({@code string algorithm, string signature}) over {@code data}. */
    byte[] sign(byte[] data, int flags) throws GeneralSecurityException {
        return switch (type) {
            case ED25519 -> blob(type.sshName(), jca("Ed25519", data));
            case RSA -> signRsa(data, flags);
            case ECDSA_P256, ECDSA_P384, ECDSA_P521 -> signEcdsa(data);
        };
    }

    private byte[] signRsa(byte[] data, int flags) throws GeneralSecurityException {
        if ((flags & RSA_SHA2_512) != 0) {
            return blob("rsa-sha2-512", jca("SHA512withRSA", data));
        }
        if ((flags & RSA_SHA2_256) != 0) {
            return blob("rsa-sha2-256", jca("SHA256withRSA", data));
        }
        // No flag means the original SHA-1 "ssh-rsa" signature, as OpenSSH's own agent still answers.
        return blob("ssh-rsa", jca("SHA1withRSA", data));
    }

    private byte[] signEcdsa(byte[] data) throws GeneralSecurityException {
        byte[] rs = jca(type.ecdsaSignature(), data);
        int half = rs.length / 2;
        byte[] inner = new SshWireWriter()
                .writeMpint(new BigInteger(1, Arrays.copyOfRange(rs, 0, half)))
                .writeMpint(new BigInteger(1, Arrays.copyOfRange(rs, half, rs.length)))
                .toByteArray();
        return blob(type.sshName(), inner);
    }

    private byte[] jca(String algorithm, byte[] data) throws GeneralSecurityException {
        Signature s = Signature.getInstance(algorithm);
        s.initSign(key);
        s.update(data);
        return s.sign();
    }

    private static byte[] blob(String algorithm, byte[] signature) {
        return new SshWireWriter().writeString(algorithm).writeString(signature).toByteArray();
    }
}
