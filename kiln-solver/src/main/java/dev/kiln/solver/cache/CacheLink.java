package dev.kiln.solver.cache;

import dev.kiln.core.Digest;

/**
 * Says that key {@code to} was derived from key {@code from} as input {@code input} of an op with
 * definition digest {@code op}, through {@code selector} (nullable). {@code from} is the input's
 * definition key or its content digest. Links are how a cache exporter or a "why did this miss"
 * report walks a chain of keys (BuildKit's CacheKeyStorage links).
 */
public record CacheLink(Digest from, int input, Digest selector, Digest op, Digest to) {
}
