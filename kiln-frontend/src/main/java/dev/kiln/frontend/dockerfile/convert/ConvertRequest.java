package dev.kiln.frontend.dockerfile.convert;

import dev.kiln.core.platform.Platform;
import dev.kiln.graph.ExecMeta;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What to convert and how ({@code docker buildx build}'s options as BuildKit's Dockerfile frontend sees them).
 *
 * @param dockerfile      the Dockerfile bytes
 * @param fileName        the name used in locations and messages ({@code Dockerfile})
 * @param buildArgs       {@code --build-arg} values, including BuildKit's own ({@code BUILDKIT_DOCKERFILE_CHECK},
 *                        {@code BUILDKIT_CACHE_MOUNT_NS}, {@code SOURCE_DATE_EPOCH}, ...)
 * @param target          the stage to build, or empty for the last one
 * @param labels          {@code --label} values added to the image
 * @param targetPlatform  the platform to build for, or null for the build platform (implicit target)
 * @param buildPlatform   the platform the build runs on
 * @param noCache         {@code --no-cache}: ignore the cache for every step
 * @param noCacheFilter   {@code --no-cache-filter}: stage names whose steps ignore the cache
 * @param contextName     the local source name of the build context ({@code context})
 * @param excludePatterns the context's .dockerignore patterns
 * @param extraHosts      {@code --add-host} entries for every RUN
 * @param network         {@code --network}: {@code default}, {@code none} or {@code host}
 * @param resolver        looks up base images
 * @param allStages       check every stage, not only those the target needs (the lint-only mode)
 */
public record ConvertRequest(byte[] dockerfile, String fileName, Map<String, String> buildArgs, String target,
                             Map<String, String> labels, Platform targetPlatform, Platform buildPlatform,
                             boolean noCache, List<String> noCacheFilter, String contextName,
                             List<String> excludePatterns, List<ExecMeta.HostIp> extraHosts, String network,
                             ImageMetadataResolver resolver, boolean allStages) {

    public ConvertRequest {
        buildArgs = Map.copyOf(buildArgs);
        labels = Map.copyOf(labels);
        noCacheFilter = List.copyOf(noCacheFilter);
        excludePatterns = List.copyOf(excludePatterns);
        extraHosts = List.copyOf(extraHosts);
    }

    public static Builder builder(byte[] dockerfile) {
        return new Builder(dockerfile);
    }

    /** Defaults: file {@code Dockerfile}, no arguments, last stage, host platform, context {@code context}. */
    public static final class Builder {
        private final byte[] dockerfile;
        private String fileName = "Dockerfile";
        private Map<String, String> buildArgs = new LinkedHashMap<>();
        private String target = "";
        private Map<String, String> labels = new LinkedHashMap<>();
        private Platform targetPlatform;
        private Platform buildPlatform = Platform.host();
        private boolean noCache;
        private List<String> noCacheFilter = List.of();
        private String contextName = "context";
        private List<String> excludePatterns = List.of();
        private List<ExecMeta.HostIp> extraHosts = List.of();
        private String network = "default";
        private ImageMetadataResolver resolver = new OfflineImageResolver();
        private boolean allStages;

        private Builder(byte[] dockerfile) {
            this.dockerfile = dockerfile.clone();
        }

        public Builder fileName(String v) {
            fileName = v;
            return this;
        }

        public Builder buildArgs(Map<String, String> v) {
            buildArgs = v;
            return this;
        }

        public Builder target(String v) {
            target = v == null ? "" : v;
            return this;
        }

        public Builder labels(Map<String, String> v) {
            labels = v;
            return this;
        }

        public Builder targetPlatform(Platform v) {
            targetPlatform = v;
            return this;
        }

        public Builder buildPlatform(Platform v) {
            buildPlatform = v;
            return this;
        }

        public Builder noCache(boolean v) {
            noCache = v;
            return this;
        }

        public Builder noCacheFilter(List<String> v) {
            noCacheFilter = v;
            return this;
        }

        public Builder context(String name, List<String> patterns) {
            contextName = name;
            excludePatterns = patterns;
            return this;
        }

        public Builder extraHosts(List<ExecMeta.HostIp> v) {
            extraHosts = v;
            return this;
        }

        public Builder network(String v) {
            network = v;
            return this;
        }

        public Builder resolver(ImageMetadataResolver v) {
            resolver = v;
            return this;
        }

        public Builder allStages(boolean v) {
            allStages = v;
            return this;
        }

        public ConvertRequest build() {
            return new ConvertRequest(dockerfile, fileName, buildArgs, target, labels, targetPlatform, buildPlatform,
                    noCache, noCacheFilter, contextName, excludePatterns, extraHosts, network, resolver, allStages);
        }
    }
}
