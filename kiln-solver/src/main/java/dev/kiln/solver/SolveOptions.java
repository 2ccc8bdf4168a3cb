package dev.kiln.solver;

/** Per-build switches. {@code noCache}: run every op even when a cached result exists ({@code --no-cache}). */
public record SolveOptions(boolean noCache) {
    public static final SolveOptions DEFAULT = new SolveOptions(false);
}
