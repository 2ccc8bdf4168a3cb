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
import java.util.Arrays;

/**
 * How the syscall classes reach the kernel: every call goes through libc's {@code syscall(2)}, errno captured
 * right after it. One downcall shape for all of them matters because the JDK generates and loads code for each
 * distinct shape it binds (3-9 ms apiece in a cold JVM, measured), and a build would otherwise bind a dozen.
 */
final class Native {
    static final int AT_FDCWD = -100;
    static final int AT_SYMLINK_NOFOLLOW = 0x100;
    private static final int MAX_ARGS = 6;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO =
            CAPTURE.varHandle(MemoryLayout.PathElement.groupElement("errno"));

    private Native() {
    }

    /** Bound on first use: a command that makes no system call of ours never pays for the binding. */
    private static final class Bound {
        static final MethodHandle SYSCALL = LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow("syscall"),
                FunctionDescriptor.of(ValueLayout.JAVA_LONG, longs(1 + MAX_ARGS)),
                Linker.Option.captureCallState("errno"), Linker.Option.firstVariadicArg(1));
        static final MethodHandle STRERROR = LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow("strerror"),
                FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.JAVA_INT));

        private static ValueLayout[] longs(int n) {
            ValueLayout[] layouts = new ValueLayout[n];
            Arrays.fill(layouts, ValueLayout.JAVA_LONG);
            return layouts;
        }
    }

    /** A segment for {@link #check(MemorySegment, String, String, Syscall, long...)}, to reuse across many calls. */
    static MemorySegment errnoState(Arena arena) {
        return arena.allocate(CAPTURE);
    }

    /**
     * Makes the system call; a result of -1 becomes an {@link ErrnoException} naming the operation and its subject.
     * Returns the (non-negative) result otherwise. Pointer arguments are {@link MemorySegment#address()}es of
     * native segments that stay alive during the call.
     */
    static long check(Arena arena, String operation, String subject, Syscall call, long... args)
            throws ErrnoException {
        return check(arena.allocate(CAPTURE), operation, subject, call, args);
    }

    /** As above, with the errno capture segment given (from {@link #errnoState}). */
    static long check(MemorySegment state, String operation, String subject, Syscall call, long... args)
            throws ErrnoException {
        long result = invoke(state, call, args);
        if (result == -1) {
            throw new ErrnoException(operation, subject, lastErrno(state));
        }
        return result;
    }

    /**
     * Makes the system call and returns 0 when it succeeded, else its errno: for failures a caller expects (a path
     * that does not exist), which would otherwise cost an exception with a stack trace and a message each.
     */
    static int errnoOf(MemorySegment state, Syscall call, long... args) {
        return invoke(state, call, args) == -1 ? lastErrno(state) : 0;
    }

    /** The errno a call that returned -1 left in {@code state}. */
    static int lastErrno(MemorySegment state) {
        return (int) ERRNO.get(state, 0L);
    }

    /** Makes the system call and returns its result as is: -1 means failed, with {@link #lastErrno} telling why. */
    static long invoke(MemorySegment state, Syscall call, long... args) {
        if (args.length > MAX_ARGS) {
            throw new IllegalArgumentException(call + ": " + args.length + " arguments, at most " + MAX_ARGS);
        }
        long[] a = Arrays.copyOf(args, MAX_ARGS);
        try {
            return (long) Bound.SYSCALL.invokeExact(state, call.number(), a[0], a[1], a[2], a[3], a[4], a[5]);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("system call " + call + " failed", t);
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
            MemorySegment s = (MemorySegment) Bound.STRERROR.invokeExact(errno);
            return s.reinterpret(4096).getString(0);
        } catch (Throwable t) {
            return "error " + errno;
        }
    }
}
