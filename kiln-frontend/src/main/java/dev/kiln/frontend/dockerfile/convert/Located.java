package dev.kiln.frontend.dockerfile.convert;

import dev.kiln.core.KilnException;
import dev.kiln.core.SourceLocation;

import java.util.function.Supplier;

/** Runs a step so that its {@link KilnException} carries a Dockerfile location. */
final class Located {
    private Located() {
    }

    static <T> T at(SourceLocation where, Supplier<T> step) {
        try {
            return step.get();
        } catch (KilnException e) {
            throw e.at(where);
        }
    }

    static void run(SourceLocation where, Runnable step) {
        try {
            step.run();
        } catch (KilnException e) {
            throw e.at(where);
        }
    }
}
