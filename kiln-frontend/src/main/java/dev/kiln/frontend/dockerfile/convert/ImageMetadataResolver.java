package dev.kiln.frontend.dockerfile.convert;

import dev.kiln.core.platform.Platform;

/**
 * Looks up a base image while a Dockerfile is converted ({@code [internal] load metadata for ...}): the
 * manifest digest to pin it with and its image configuration. Implementations talk to a registry; they
 * throw {@link dev.kiln.core.KilnException} (NOT_FOUND, UNAVAILABLE, ...) when the image cannot be had.
 */
@FunctionalInterface
public interface ImageMetadataResolver {

    /**
     * @param normalizedRef a fully qualified reference, e.g. {@code docker.io/library/busybox:latest}
     * @param platform      the platform to pick from a multi-platform image
     */
    ResolvedBaseImage resolve(String normalizedRef, Platform platform);
}
