package dev.kiln.core.content;

import dev.kiln.core.Digest;

import java.time.Instant;

/** What the store knows about one committed blob; {@code committedAt} is when it became visible. */
public record ContentInfo(Digest digest, long size, Instant committedAt) {
}
