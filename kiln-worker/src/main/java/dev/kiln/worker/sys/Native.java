package dev.kiln.worker.sys;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.file.Path;

/** Binding helpers shared by the syscall classes: libc lookup, errno capture, C strings. */
final class Native {
    static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT;
    static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG;
    static final ValueLayout.OfLong SIZE_T = ValueLayout.JAVA_LONG;
    static final ValueLayout PTR = ValueLayout.ADDRESS;
    static final int AT_FDCWD = -100;
    static final int AT_SYMLINK_NOFOLLOW = 0x100;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LIBC = LINKER.defaultLookup();
    private static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO =
            CAPTURE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final Function STRERROR = new Function("strerror", FunctionDescriptor.of(PTR, INT));

    private Native() {
    }

    /** A libc function whose errno is captured right after the call. */
    static Function function(String name, FunctionDescriptor descriptor) {
        return new Function(name, descriptor, Linker.Option.captureCallState("errno"));
    }

    /** As {@link #function}, for a variadic C function whose variable arguments start at {@code firstVariadic}. */
    static Function variadicFunction(String name, FunctionDescriptor descriptor, int firstVariadic) {
        return new Function(name, descriptor, Linker.Option.captureCallState("errno"),
                Linker.Option.firstVariadicArg(firstVariadic));
    }

    /**
     * A libc function bound on its first call. Binding one generates and loads a class (some milliseconds of a cold
     * JVM's time), and a command calls only a few of the functions these classes declare.
     */
    static final class Function {
        private final String name;
        private final FunctionDescriptor descriptor;
        private final Linker.Option[] options;
        private volatile MethodHandle handle;

        private Function(String name, FunctionDescriptor descriptor, Linker.Option... options) {
            this.name = name;
            this.descriptor = descriptor;
            this.options = options;
        }

        MethodHandle handle() {
            MethodHandle h = handle;
            if (h == null) {
                h = LINKER.downcallHandle(LIBC.findOrThrow(name), descriptor, options);
                handle = h;
            }
            return h;
        }
    }

    /** A segment for {@link #check(MemorySegment, String, String, Call)}, to reuse across many calls. */
    static MemorySegment errnoState(Arena arena) {
        return arena.allocate(CAPTURE);
    }

    /** One native call taking the errno capture segment as its first argument. */
    @FunctionalInterface
    interface Call {
        long invoke(MemorySegment errnoState) throws Throwable;
    }

    /**
     * Runs {@code call}; a result of -1 becomes an {@link ErrnoException} naming the operation and its subject.
     * Returns the (non-negative) result otherwise.
     */
    static long check(Arena arena, String operation, String subject, Call call) throws ErrnoException {
        return check(arena.allocate(CAPTURE), operation, subject, call);
    }

    /** As above, with the errno capture segment given (from {@link #errnoState}). */
    static long check(MemorySegment state, String operation, String subject, Call call) throws ErrnoException {
        long result = invoke(state, operation, call);
        if (result == -1) {
            throw new ErrnoException(operation, subject, (int) ERRNO.get(state, 0L));
        }
        return result;
    }

    /**
     * Runs {@code call} and returns 0 when it succeeded, else its errno: for failures a caller expects (a path
     * that does not exist), which would otherwise cost an exception with a stack trace and a message each.
     */
    static int errnoOf(MemorySegment state, String operation, Call call) {
        return invoke(state, operation, call) == -1 ? (int) ERRNO.get(state, 0L) : 0;
    }

    private static long invoke(MemorySegment state, String operation, Call call) {
        try {
            return call.invoke(state);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("native call " + operation + " failed", t);
        }
    }

    static MemorySegment cString(Arena arena, String s) {
        return s == null ? MemorySegment.NULL : arena.allocateFrom(s);
    }

    static MemorySegment cPath(Arena arena, Path p) {
        return arena.allocateFrom(p.toString());
    }

    static synchronized String strerror(int errno) {
        try {
            MemorySegment s = (MemorySegment) STRERROR.handle().invokeExact(errno);
            return s.reinterpret(4096).getString(0);
        } catch (Throwable t) {
            return "error " + errno;
        }
    }
}
