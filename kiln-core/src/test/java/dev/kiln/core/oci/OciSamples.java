package dev.kiln.core.oci;

import dev.kiln.core.Digest;
import dev.kiln.core.json.RandomValues;

import java.util.List;
import java.util.Map;

/** Random OCI documents for differential JSON tests: every field null, empty or set, in every combination. */
public final class OciSamples {
    private static final List<String> MEDIA_TYPES = List.of(MediaTypes.OCI_INDEX, MediaTypes.OCI_MANIFEST,
            MediaTypes.OCI_CONFIG, MediaTypes.OCI_LAYER_GZIP, MediaTypes.DOCKER_MANIFEST, MediaTypes.DOCKER_CONFIG);

    private final RandomValues v;

    public OciSamples(RandomValues values) {
        this.v = values;
    }

    public String mediaType() {
        return v.chance(70) ? v.pick(MEDIA_TYPES) : v.string();
    }

    public String digest() {
        return v.chance(70) ? Digest.sha256(Long.toString(v.anyLong())).toString() : v.string();
    }

    public Descriptor.OciPlatform platform() {
        return new Descriptor.OciPlatform(v.string(), v.string(), v.string(), v.string());
    }

    public Descriptor descriptor() {
        return new Descriptor(mediaType(), digest(), v.anyLong(), v.stringMap(), v.nullable(this::platform));
    }

    public Index index() {
        return new Index(v.anyInt(), mediaType(), v.list(this::descriptor), v.stringMap());
    }

    public Manifest manifest() {
        return new Manifest(v.anyInt(), mediaType(), v.nullable(this::descriptor), v.list(this::descriptor),
                v.stringMap());
    }

    public ContainerConfig.Healthcheck healthcheck() {
        return new ContainerConfig.Healthcheck(v.strings(), v.anyLong(), v.anyLong(), v.anyLong(), v.anyLong(),
                v.anyInt());
    }

    public ContainerConfig containerConfig() {
        return new ContainerConfig(v.string(), portsOrVolumes(), v.strings(), v.strings(), v.strings(),
                portsOrVolumes(), v.string(), v.stringMap(), v.string(), v.chance(50), v.nullable(this::healthcheck),
                v.strings(), v.strings());
    }

    /** Mostly the wire format's {@code {"80/tcp": {}}}, sometimes any JSON value, as a foreign image may have. */
    private Map<String, Object> portsOrVolumes() {
        return v.map(() -> v.chance(80) ? Map.of() : v.untyped(2));
    }

    public ImageConfig.History history() {
        return new ImageConfig.History(v.string(), v.string(), v.string(), v.string(), v.chance(50));
    }

    public ImageConfig.RootFs rootFs() {
        return new ImageConfig.RootFs(v.string(), v.strings());
    }

    public ImageConfig imageConfig() {
        return new ImageConfig(v.string(), v.string(), v.string(), v.string(), v.string(), v.string(),
                v.nullable(this::containerConfig), v.nullable(this::rootFs), v.list(this::history));
    }
}
