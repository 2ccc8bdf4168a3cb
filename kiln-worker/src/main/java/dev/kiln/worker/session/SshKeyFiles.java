package dev.kiln.worker.session;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Reads unencrypted private key files: OpenSSH's own format (ed25519, RSA, ECDSA P-256/384/521; what ssh-keygen
 * writes by default) and RSA keys in PEM (PKCS#1 {@code RSA PRIVATE KEY}, PKCS#8 {@code PRIVATE KEY}).
 * Passphrase-protected keys are refused: the user can serve them from their own ssh-agent instead.
 */
final class SshKeyFiles {
    private static final byte[] OPENSSH_MAGIC = "openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII);
    /** DER prefix of PKCS#8's AlgorithmIdentifier for rsaEncryption (1.2.840.113549.1.1.1, NULL parameters). */
    private static final byte[] RSA_ALGORITHM_ID = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86,
            (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};

    private SshKeyFiles() {
    }

    static SshPrivateKey parse(byte[] file) throws SshFormatException {
        Pem pem = Pem.parse(new String(file, StandardCharsets.US_ASCII));
        try {
            return switch (pem.label()) {
                case "OPENSSH PRIVATE KEY" -> openSsh(pem.body());
                case "RSA PRIVATE KEY" -> rsa(pkcs8(pem.body()));
                case "PRIVATE KEY" -> rsa(pem.body());
                case "ENCRYPTED PRIVATE KEY" -> throw encrypted();
                default -> throw new SshFormatException("unsupported key format \"" + pem.label()
                        + "\" (convert it to OpenSSH format with ssh-keygen -p)");
            };
        } catch (GeneralSecurityException e) {
            throw new SshFormatException("invalid key: " + e.getMessage());
        }
    }

    private static SshPrivateKey openSsh(byte[] body) throws SshFormatException, GeneralSecurityException {
        if (body.length < OPENSSH_MAGIC.length
                || !Arrays.equals(Arrays.copyOf(body, OPENSSH_MAGIC.length), OPENSSH_MAGIC)) {
            throw new SshFormatException("not an openssh-key-v1 file");
        }
        SshWireReader r = new SshWireReader(Arrays.copyOfRange(body, OPENSSH_MAGIC.length, body.length));
        String cipher = r.readUtf8();
        r.readString(); // kdf name
        r.readString(); // kdf options
        if (!cipher.equals("none")) {
            throw encrypted();
        }
        if (r.readUint32() != 1) {
            throw new SshFormatException("exactly one key per file is supported");
        }
        byte[] publicBlob = r.readString();
        SshWireReader priv = new SshWireReader(r.readString());
        if (priv.readUint32() != priv.readUint32()) {
            throw new SshFormatException("check bytes differ (corrupt or encrypted key)");
        }
        String typeName = priv.readUtf8();
        SshKeyType type = SshKeyType.bySshName(typeName)
                .orElseThrow(() -> new SshFormatException("unsupported key type " + typeName));
        if (!typeName.equals(new SshWireReader(publicBlob).readUtf8())) {
            throw new SshFormatException("public and private key types differ");
        }
        PrivateKey key = switch (type) {
            case ED25519 -> ed25519(priv);
            case RSA -> rsa(priv);
            case ECDSA_P256, ECDSA_P384, ECDSA_P521 -> ecdsa(type, priv);
        };
        return new SshPrivateKey(type, publicBlob, key, priv.readUtf8());
    }

    private static PrivateKey ed25519(SshWireReader r) throws SshFormatException, GeneralSecurityException {
        r.readString(); // public key, repeated
        byte[] secret = r.readString(); // 32-byte seed followed by the 32-byte public key
        if (secret.length != 64) {
            throw new SshFormatException("ed25519 private key has " + secret.length + " bytes, want 64");
        }
        return KeyFactory.getInstance("Ed25519")
                .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, Arrays.copyOf(secret, 32)));
    }

    private static PrivateKey rsa(SshWireReader r) throws SshFormatException, GeneralSecurityException {
        BigInteger n = r.readMpint();
        BigInteger e = r.readMpint();
        BigInteger d = r.readMpint();
        BigInteger iqmp = r.readMpint();
        BigInteger p = r.readMpint();
        BigInteger q = r.readMpint();
        if (p.compareTo(BigInteger.ONE) <= 0 || q.compareTo(BigInteger.ONE) <= 0) {
            throw new SshFormatException("RSA key has invalid prime factors");
        }
        return KeyFactory.getInstance("RSA").generatePrivate(new RSAPrivateCrtKeySpec(
                n, e, d, p, q, d.mod(p.subtract(BigInteger.ONE)), d.mod(q.subtract(BigInteger.ONE)), iqmp));
    }

    private static PrivateKey ecdsa(SshKeyType type, SshWireReader r)
            throws SshFormatException, GeneralSecurityException {
        String curve = r.readUtf8();
        if (!curve.equals(type.curveId())) {
            throw new SshFormatException("key type " + type.sshName() + " names curve " + curve);
        }
        r.readString(); // public point
        AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
        params.init(new ECGenParameterSpec(type.jcaCurve()));
        return KeyFactory.getInstance("EC")
                .generatePrivate(new ECPrivateKeySpec(r.readMpint(), params.getParameterSpec(ECParameterSpec.class)));
    }

    private static SshPrivateKey rsa(byte[] pkcs8) throws GeneralSecurityException {
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        if (!(key instanceof RSAPrivateCrtKey crt)) {
            throw new GeneralSecurityException("RSA key without CRT parameters");
        }
        byte[] blob = new SshWireWriter().writeString(SshKeyType.RSA.sshName())
                .writeMpint(crt.getPublicExponent()).writeMpint(crt.getModulus()).toByteArray();
        return new SshPrivateKey(SshKeyType.RSA, blob, key, "");
    }

    /** Wraps a PKCS#1 RSAPrivateKey in a PKCS#8 PrivateKeyInfo, the form JCA's KeyFactory reads. */
    private static byte[] pkcs8(byte[] pkcs1) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        content.writeBytes(new byte[] {0x02, 0x01, 0x00});
        content.writeBytes(RSA_ALGORITHM_ID);
        content.writeBytes(der(0x04, pkcs1));
        return der(0x30, content.toByteArray());
    }

    private static byte[] der(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int len = content.length;
        if (len < 0x80) {
            out.write(len);
        } else {
            byte[] lenBytes = BigInteger.valueOf(len).toByteArray();
            int skip = lenBytes[0] == 0 ? 1 : 0;
            out.write(0x80 | (lenBytes.length - skip));
            out.write(lenBytes, skip, lenBytes.length - skip);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static SshFormatException encrypted() {
        return new SshFormatException("passphrase-protected keys are not supported (load the key into an "
                + "ssh-agent and pass its socket instead)");
    }

    /** One PEM block: the label of its BEGIN line and its base64 body (RFC 7468). */
    private record Pem(String label, byte[] body) {
        static Pem parse(String text) throws SshFormatException {
            List<String> lines = text.lines().map(String::strip).toList();
            int begin = 0;
            while (begin < lines.size() && !lines.get(begin).startsWith("-----BEGIN ")) {
                begin++;
            }
            if (begin == lines.size() || !lines.get(begin).endsWith("-----")) {
                throw new SshFormatException("no PEM private key block found");
            }
            String beginLine = lines.get(begin);
            String label = beginLine.substring("-----BEGIN ".length(), beginLine.length() - "-----".length());
            StringBuilder b64 = new StringBuilder();
            for (String line : lines.subList(begin + 1, lines.size())) {
                if (line.equals("-----END " + label + "-----")) {
                    return new Pem(label, decode(b64.toString()));
                }
                if (line.startsWith("Proc-Type:") && line.contains("ENCRYPTED")) {
                    throw encrypted();
                }
                if (!line.contains(":")) { // RFC 1421 headers such as DEK-Info are not key material
                    b64.append(line);
                }
            }
            throw new SshFormatException("PEM block " + label + " has no END line");
        }

        private static byte[] decode(String b64) throws SshFormatException {
            try {
                return Base64.getDecoder().decode(b64);
            } catch (IllegalArgumentException e) {
                throw new SshFormatException("invalid base64 in PEM block");
            }
        }
    }
}
