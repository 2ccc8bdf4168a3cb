package dev.kiln.worker.sys;

import dev.kiln.core.Digest;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Optional;

/**
 * SHA-256 through the system's libcrypto for anything larger than {@value #SMALL} bytes: about 1.2 GiB/s here,
 * where the JDK's implementation gets that fast only once C2 has compiled it, and manages about 160 MiB/s before
 * (or at all under {@code -XX:TieredStopAtLevel=1}, which Kiln's launcher uses for start-up). Every layer is hashed
 * compressed and uncompressed, every context file once: this is Kiln's hottest loop. Shorter messages (cache keys,
 * manifests) go to the JDK's digest until something large has loaded libcrypto, then to libcrypto too; so a build
 * that hashes nothing large never loads it, nor does one on a host without it, which gets the JDK's digest
 * throughout.
 *
 * <p>{@link #install()} makes it what {@code dev.kiln.core.Digest} uses in this process.
 */
public final class NativeSha256 extends MessageDigest implements Cloneable {
    static final int SMALL = 64 * 1024;
    /** Heap arrays are passed without copying, which holds off the GC during the call: keep each call short. */
    private static final int MAX_CALL_BYTES = 1 << 20;

    /** The first {@link #SMALL} bytes, until the message turns out larger (or ends). */
    private byte[] pending = new byte[0];
    private int pendingLength;
    /** Set once the message outgrew {@link #pending}: a libcrypto context, or the JDK's digest without one. */
    private MemorySegment context;
    private MessageDigest jdk;

    NativeSha256() {
        super("SHA-256");
    }

    /** Makes this class the SHA-256 of {@link Digest}; harmless to call again. */
    public static void install() {
        Digest.useSha256(NativeSha256::new);
    }

    @Override
    protected void engineUpdate(byte input) {
        engineUpdate(new byte[] {input}, 0, 1);
    }

    @Override
    protected void engineUpdate(byte[] input, int offset, int len) {
        if (context == null && jdk == null) {
            if (pendingLength + len <= SMALL) {
                if (pending.length < pendingLength + len) {
                    pending = Arrays.copyOf(pending, Math.min(SMALL, Math.max(2 * pending.length, pendingLength + len)));
                }
                System.arraycopy(input, offset, pending, pendingLength, len);
                pendingLength += len;
                return;
            }
            startLarge();
        }
        if (jdk != null) {
            jdk.update(input, offset, len);
            return;
        }
        LibCrypto c = LibCrypto.get().orElseThrow();
        MemorySegment all = MemorySegment.ofArray(input);
        for (int done = 0; done < len; ) {
            int n = Math.min(len - done, MAX_CALL_BYTES);
            c.update(context, all.asSlice(offset + done, n), n);
            done += n;
        }
    }

    /** The message is large: hand it (so far) to libcrypto, or to the JDK's digest without it. */
    private void startLarge() {
        Optional<LibCrypto> lib = LibCrypto.get();
        if (lib.isPresent()) {
            context = Arena.ofAuto().allocate(LibCrypto.CONTEXT_SIZE, 16);
            lib.get().init(context);
            lib.get().update(context, MemorySegment.ofArray(pending), pendingLength);
        } else {
            jdk = jdkDigest();
            jdk.update(pending, 0, pendingLength);
        }
        pending = new byte[0];
        pendingLength = 0;
    }

    @Override
    protected byte[] engineDigest() {
        try {
            if (jdk != null) {
                return jdk.digest();
            }
            if (context == null) {
                return small(pending, pendingLength);
            }
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment out = arena.allocate(LibCrypto.DIGEST_LENGTH);
                LibCrypto.get().orElseThrow().fin(out, context);
                return out.toArray(ValueLayout.JAVA_BYTE);
            }
        } finally {
            engineReset();
        }
    }

    @Override
    protected void engineReset() {
        pendingLength = 0;
        context = null;
        jdk = null;
    }

    @Override
    protected int engineGetDigestLength() {
        return LibCrypto.DIGEST_LENGTH;
    }

    @Override
    public Object clone() throws CloneNotSupportedException {
        NativeSha256 copy = (NativeSha256) super.clone();
        copy.pending = pending.clone();
        if (context != null) {
            copy.context = Arena.ofAuto().allocate(LibCrypto.CONTEXT_SIZE, 16).copyFrom(context);
        }
        if (jdk != null) {
            copy.jdk = (MessageDigest) jdk.clone();
        }
        return copy;
    }

    /**
     * A short message: through libcrypto once something larger has loaded it (a context of many small files
     * hashes them several times faster so), else through this thread's JDK digest.
     */
    private static byte[] small(byte[] data, int len) {
        Optional<LibCrypto> lib = LibCrypto.ifLoaded();
        if (lib.isPresent()) {
            return lib.get().digest(data, len);
        }
        MessageDigest jdk = JDK_DIGEST.get();
        jdk.update(data, 0, len);
        return jdk.digest();
    }

    /** Made once per thread: looking a digest up in the security providers costs more than a short message. */
    private static final ThreadLocal<MessageDigest> JDK_DIGEST = ThreadLocal.withInitial(NativeSha256::jdkDigest);

    /** The JDK's own SHA-256. */
    static MessageDigest jdkDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
