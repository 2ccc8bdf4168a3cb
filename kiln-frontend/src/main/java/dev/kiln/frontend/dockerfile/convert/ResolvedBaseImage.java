package dev.kiln.frontend.dockerfile.convert;

import dev.kiln.core.oci.ImageConfig;

/**
 * A base image as resolved for a build.
 *
 * @param pinnedRef the reference pinned to its manifest digest
 *                  ({@code docker.io/library/busybox:latest@sha256:...}), or the reference unchanged when the
 *                  digest is not known (offline)
 * @param config    the image configuration; its {@code rootfs} is null when unknown, and a config whose
 *                  rootfs has no layers makes the stage start from an empty filesystem
 */
public record ResolvedBaseImage(String pinnedRef, ImageConfig config) {
}
