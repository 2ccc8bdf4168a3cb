package dev.kiln.frontend.dockerfile.convert;

import dev.kiln.core.oci.ImageConfig;
import dev.kiln.core.platform.Platform;

import java.util.LinkedHashMap;
import java.util.List;

/**
 * The target stage's image config as exported: {@code --label}s added, the platform set to the requested
 * target (an implicit target keeps the base image's), and the creation time from SOURCE_DATE_EPOCH.
 */
final class FinalImage {
    private final ImageConfig config;

    FinalImage(Conversion cx, StageState target) {
        ImageState image = target.image;
        if (!cx.req.labels().isEmpty()) {
            image.labels = image.labels == null ? new LinkedHashMap<>() : image.labels;
            image.labels.putAll(cx.req.labels());
        }
        if (!cx.implicitTarget) {
            Platform tp = cx.targetPlatform;
            boolean sameOsArch = tp.os().equals(image.os) && tp.architecture().equals(image.architecture);
            image.os = tp.os();
            image.architecture = tp.architecture();
            if (!tp.variant().isEmpty() || !sameOsArch) {
                image.variant = emptyToNull(tp.variant());
            }
            if (!tp.osVersion().isEmpty() || !sameOsArch) {
                image.osVersion = emptyToNull(tp.osVersion());
            }
        }
        Platform p = new Platform(image.os, image.architecture, image.variant, image.osVersion, List.of()).normalize();
        image.os = emptyToNull(p.os());
        image.architecture = emptyToNull(p.architecture());
        image.variant = emptyToNull(p.variant());
        config = image.toConfig().withCreated(cx.epochText());
    }

    ImageConfig config() {
        return config;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
