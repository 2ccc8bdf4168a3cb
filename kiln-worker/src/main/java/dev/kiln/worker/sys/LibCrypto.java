package dev.kiln.worker.sys;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * SHA-256 from the system's libcrypto (OpenSSL 1.1 or 3), which uses the CPU's SHA instructions. Loaded on first
 * use; absent when no libcrypto loads, when it lacks the functions, or when a known-answer check fails.
 */
final class LibCrypto {
    private static final List<String> LIBRARIES = List.of("libcrypto.so.3", "libcrypto.so.1.1", "libcrypto.so");
    /** sizeof(SHA256_CTX) is 112 in OpenSSL 1.1 and 3; a little more is harmless. */
    static final long CONTEXT_SIZE = 128;
    static final int DIGEST_LENGTH = 32;

    private final MethodHandle init;
    private final MethodHandle update;
    private final MethodHandle fin;

    private LibCrypto(MethodHandle init, MethodHandle update, MethodHandle fin) {
        this.init = init;
        this.update = update;
        this.fin = fin;
    }

    private static final class Holder {
        static final Optional<LibCrypto> LOADED = load();
    }

    /** Set once libcrypto is loaded and checked; reading it never loads it. */
    private static volatile LibCrypto ready;

    static Optional<LibCrypto> get() {
        Optional<LibCrypto> lib = Holder.LOADED;
        lib.ifPresent(c -> ready = c);
        return lib;
    }

    /** libcrypto if an earlier call has loaded it already, without loading it now. */
    static Optional<LibCrypto> ifLoaded() {
        return Optional.ofNullable(ready);
    }

    /** SHA-256 of {@code len} bytes of {@code data} in one go, through this thread's context and output buffer. */
    byte[] digest(byte[] data, int len) {
        Scratch s = SCRATCH.get();
        init(s.context);
        update(s.context, MemorySegment.ofArray(data), len);
        fin(s.out, s.context);
        return s.out.toArray(ValueLayout.JAVA_BYTE);
    }

    private record Scratch(MemorySegment context, MemorySegment out) {
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(() -> {
        Arena arena = Arena.ofAuto();
        return new Scratch(arena.allocate(CONTEXT_SIZE, 16), arena.allocate(DIGEST_LENGTH));
    });

    void init(MemorySegment ctx) {
        try {
            check((int) init.invokeExact(ctx));
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    /** Hashes {@code len} bytes of {@code data}, which may be a heap segment (the call is short: keep it so). */
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

    private static Optional<LibCrypto> load() {
        Linker linker = Linker.nativeLinker();
        for (String name : LIBRARIES) {
            try {
                SymbolLookup lib = SymbolLookup.libraryLookup(name, Arena.global());
                LibCrypto c = new LibCrypto(
                        linker.downcallHandle(lib.findOrThrow("SHA256_Init"),
                                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS)),
                        linker.downcallHandle(lib.findOrThrow("SHA256_Update"),
                                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS,
                                        ValueLayout.JAVA_LONG), Linker.Option.critical(true)),
                        linker.downcallHandle(lib.findOrThrow("SHA256_Final"),
                                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS)));
                if (c.knownAnswer()) {
                    return Optional.of(c);
                }
            } catch (IllegalArgumentException | NoSuchElementException | IllegalCallerException
                     | IllegalStateException e) {
                // not there, or not usable: try the next name, then do without
            }
        }
        return Optional.empty();
    }

    /** FIPS 180-2's "abc" example. */
    private boolean knownAnswer() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment ctx = arena.allocate(CONTEXT_SIZE, 16);
            MemorySegment out = arena.allocate(DIGEST_LENGTH);
            init(ctx);
            update(ctx, MemorySegment.ofArray("abc".getBytes(StandardCharsets.US_ASCII)), 3);
            fin(out, ctx);
            return HexFormat.of().formatHex(out.toArray(ValueLayout.JAVA_BYTE))
                    .equals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        }
    }
}
