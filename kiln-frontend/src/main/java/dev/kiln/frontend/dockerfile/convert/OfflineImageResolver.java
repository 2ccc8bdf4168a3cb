package dev.kiln.frontend.dockerfile.convert;

import dev.kiln.core.oci.ContainerConfig;
import dev.kiln.core.oci.ImageConfig;
import dev.kiln.core.platform.Platform;

import java.util.List;

/**
 * Resolves nothing: every base image keeps its reference (no digest) and gets an empty configuration for
 * the requested platform. For showing a build graph without a registry ({@code kiln debug llb}).
 */
public final class OfflineImageResolver implements ImageMetadataResolver {
    @Override
    public ResolvedBaseImage resolve(String normalizedRef, Platform platform) {
        ImageConfig config = new ImageConfig(null, null, platform.architecture(), platform.os(), null,
                platform.variant().isEmpty() ? null : platform.variant(), ContainerConfig.empty(), null, List.of());
        return new ResolvedBaseImage(normalizedRef, config);
    }
}
