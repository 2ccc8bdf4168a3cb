package dev.kiln.core.content;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * SHA-256 computed by the system's libcrypto (OpenSSL), which uses the CPU's SHA instructions: about 1.2 GiB/s
 * here, where the JDK's implementation reaches that only once C2 has compiled it and manages about 160 MiB/s before
 * (or at all under {@code -XX:TieredStopAtLevel=1}, which Kiln's launcher uses for start-up). Content digests are
 * Kiln's hottest loop: every layer is hashed compressed and uncompressed, every context file once.
 *
 * <p>{@link #create()} falls back to the JDK's implementation when no libcrypto can be loaded, when it lacks the
 * functions, when a known-answer check fails, or when {@code -Dkiln.native-sha256=false} is given.
 */
public final class NativeSha256 extends MessageDigest implements Cloneable {
    private static final String DISABLE_PROPERTY = "kiln.native-sha256";
    private static final List<String> LIBRARIES = List.of("libcrypto.so.3", "libcrypto.so.1.1", "libcrypto.so");
    /** sizeof(SHA256_CTX) is 112 in OpenSSL 1.1 and 3; a little more is harmless. */
    private static final long CONTEXT_SIZE = 128;
    /** Heap arrays are passed without copying, which holds off the GC for the call: keep each call short. */
    private static final int MAX_CALL_BYTES = 1 << 20;
    private static final int LENGTH = 32;
    /** Null when the native implementation is not available. */
    private static final Functions FUNCTIONS = load().orElse(null);

    private record Functions(MethodHandle init, MethodHandle update, MethodHandle fin) {
        void init(MemorySegment ctx) {
            try {
                check((int) init.invokeExact(ctx));
            } catch (Throwable t) {
                throw failed(t);
            }
        }

        void update(MemorySegment ctx, MemorySegment data, long len) {
            try {
                check((int) update.invokeExact(ctx, data, len));
            } catch (Throwable t) {
                throw failed(t);
            }
        }

        void fin(MemorySegment out, MemorySegment ctx) {
            try {
                check((int) fin.invokeExact(out, ctx));
            } catch (Throwable t) {
                throw failed(t);
            }
        }

        private static void check(int ok) {
            if (ok != 1) {
                throw new IllegalStateException("libcrypto SHA-256 call returned " + ok);
            }
        }

        private static IllegalStateException failed(Throwable t) {
            return t instanceof IllegalStateException e ? e : new IllegalStateException("libcrypto SHA-256 failed", t);
        }
    }

    private MemorySegment context;
    private final MemorySegment one;

    private NativeSha256() {
        super("SHA-256");
        Arena arena = Arena.ofAuto();
        this.context = arena.allocate(CONTEXT_SIZE, 16);
        this.one = arena.allocate(1);
        engineReset();
    }

    /** A new SHA-256 digest: native when available, else the JDK's. */
    public static MessageDigest create() {
        return FUNCTIONS != null ? new NativeSha256() : jdk();
    }

    /** Whether {@link #create()} gives the native implementation (for tests and diagnostics). */
    public static boolean available() {
        return FUNCTIONS != null;
    }

    static MessageDigest jdk() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected void engineUpdate(byte input) {
        one.set(ValueLayout.JAVA_BYTE, 0, input);
        FUNCTIONS.update(context, one, 1L);
    }

    @Override
    protected void engineUpdate(byte[] input, int offset, int len) {
        MemorySegment all = MemorySegment.ofArray(input);
        for (int done = 0; done < len; ) {
            int n = Math.min(len - done, MAX_CALL_BYTES);
            FUNCTIONS.update(context, all.asSlice(offset + done, n), n);
            done += n;
        }
    }

    @Override
    protected byte[] engineDigest() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(LENGTH);
            FUNCTIONS.fin(out, context);
            engineReset();
            return out.toArray(ValueLayout.JAVA_BYTE);
        }
    }

    @Override
    protected void engineReset() {
        FUNCTIONS.init(context);
    }

    @Override
    protected int engineGetDigestLength() {
        return LENGTH;
    }

    @Override
    public Object clone() throws CloneNotSupportedException {
        NativeSha256 copy = (NativeSha256) super.clone();
        copy.context = Arena.ofAuto().allocate(CONTEXT_SIZE, 16).copyFrom(context);
        return copy;
    }

    private static Optional<Functions> load() {
        if ("false".equals(System.getProperty(DISABLE_PROPERTY))) {
            return Optional.empty();
        }
        Linker linker = Linker.nativeLinker();
        for (String name : LIBRARIES) {
            try {
                SymbolLookup lib = SymbolLookup.libraryLookup(name, Arena.global());
                Functions f = new Functions(
                        linker.downcallHandle(lib.findOrThrow("SHA256_Init"),
                                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS)),
                        linker.downcallHandle(lib.findOrThrow("SHA256_Update"),
                                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS,
                                        ValueLayout.JAVA_LONG), Linker.Option.critical(true)),
                        linker.downcallHandle(lib.findOrThrow("SHA256_Final"),
                                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS)));
                if (knownAnswer(f)) {
                    return Optional.of(f);
                }
            } catch (IllegalArgumentException | NoSuchElementException | IllegalCallerException
                     | IllegalStateException e) {
                // not there, or not usable: try the next name, then fall back to the JDK
            }
        }
        return Optional.empty();
    }

    /** FIPS 180-2's "abc" example, through the functions just bound. */
    private static boolean knownAnswer(Functions f) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment ctx = arena.allocate(CONTEXT_SIZE, 16);
            MemorySegment out = arena.allocate(LENGTH);
            f.init(ctx);
            f.update(ctx, MemorySegment.ofArray("abc".getBytes(StandardCharsets.US_ASCII)), 3);
            f.fin(out, ctx);
            return HexFormat.of().formatHex(out.toArray(ValueLayout.JAVA_BYTE))
                    .equals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        }
    }
}
