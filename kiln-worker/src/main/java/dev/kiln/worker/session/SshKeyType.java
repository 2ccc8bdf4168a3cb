package dev.kiln.worker.session;

import java.util.Arrays;
import java.util.Optional;

/** The private key types Kiln's agent serves, by their SSH names (RFC 8709, RFC 4253, RFC 5656). */
enum SshKeyType {
    ED25519("ssh-ed25519", null, null, null),
    RSA("ssh-rsa", null, null, null),
    ECDSA_P256("ecdsa-sha2-nistp256", "nistp256", "secp256r1", "SHA256withECDSAinP1363Format"),
    ECDSA_P384("ecdsa-sha2-nistp384", "nistp384", "secp384r1", "SHA384withECDSAinP1363Format"),
    ECDSA_P521("ecdsa-sha2-nistp521", "nistp521", "secp521r1", "SHA512withECDSAinP1363Format");

    private final String sshName;
    private final String curveId;
    private final String jcaCurve;
    private final String ecdsaSignature;

    SshKeyType(String sshName, String curveId, String jcaCurve, String ecdsaSignature) {
        this.sshName = sshName;
        this.curveId = curveId;
        this.jcaCurve = jcaCurve;
        this.ecdsaSignature = ecdsaSignature;
    }

    static Optional<SshKeyType> bySshName(String name) {
        return Arrays.stream(values()).filter(t -> t.sshName.equals(name)).findFirst();
    }

    String sshName() {
        return sshName;
    }

    /** The curve identifier inside ECDSA key blobs ({@code nistp256}...). */
    String curveId() {
        return curveId;
    }

    String jcaCurve() {
        return jcaCurve;
    }

    /** JCA algorithm producing the fixed-width r||s form that SSH re-encodes as two mpints. */
    String ecdsaSignature() {
        return ecdsaSignature;
    }

    boolean isEcdsa() {
        return curveId != null;
    }
}
