package dev.kiln.frontend.dockerfile.convert;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.core.oci.ContainerConfig;
import dev.kiln.core.oci.ImageConfig;
import dev.kiln.core.platform.Platform;

import java.util.List;

/**
 * A registry stand-in for conversion tests: busybox and alpine exist for every platform with the usual PATH,
 * one layer and a fixed digest; other names are not found.
 */
final class StubImages implements ImageMetadataResolver {
    private final List<String> onBuild;

    StubImages() {
        this(null);
    }

    /** Images whose config carries these ONBUILD triggers. */
    StubImages(List<String> onBuild) {
        this.onBuild = onBuild;
    }

    static final String DIGEST = "sha256:" + "ab".repeat(32);
    static final String PATH = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    @Override
    public ResolvedBaseImage resolve(String ref, Platform platform) {
        if (!ref.startsWith("docker.io/library/busybox") && !ref.startsWith("docker.io/library/alpine")) {
            throw new KilnException(ErrorKind.NOT_FOUND, ref + ": not found");
        }
        ContainerConfig config = new ContainerConfig(null, null, List.of(PATH), null, List.of("sh"), null, null, null,
                null, false, null, onBuild, null);
        ImageConfig image = new ImageConfig(null, null, platform.architecture(), platform.os(), null, null, config,
                new ImageConfig.RootFs("layers", List.of("sha256:" + "cd".repeat(32))),
                List.of(new ImageConfig.History(null, "/bin/sh -c #(nop) ADD file:... in /", null, null, false)));
        return new ResolvedBaseImage(ImageRef.withDigest(ref, DIGEST), image);
    }
}
