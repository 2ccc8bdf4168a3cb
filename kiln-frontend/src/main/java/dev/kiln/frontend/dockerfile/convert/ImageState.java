package dev.kiln.frontend.dockerfile.convert;

import dev.kiln.core.oci.ContainerConfig;
import dev.kiln.core.oci.ImageConfig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The image configuration a stage is building, mutable while its instructions are dispatched (BuildKit's
 * {@code dockerspec.DockerOCIImage}); {@link #toConfig()} freezes it.
 */
final class ImageState {
    static final String HISTORY_COMMENT = "buildkit.dockerfile.v0";
    static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    String os;
    String architecture;
    String variant;
    String osVersion;
    String author;
    String user;
    Map<String, Object> exposedPorts;
    List<String> env = new ArrayList<>();
    List<String> entrypoint;
    List<String> cmd;
    Map<String, Object> volumes;
    String workingDir;
    Map<String, String> labels;
    String stopSignal;
    boolean argsEscaped;
    ContainerConfig.Healthcheck healthcheck;
    List<String> onBuild;
    List<String> shell;
    ImageConfig.RootFs rootfs = new ImageConfig.RootFs("layers", List.of());
    List<ImageConfig.History> history = new ArrayList<>();

    /** The config of {@code FROM scratch}: PATH set, working directory {@code /}. */
    static ImageState empty(String os, String architecture, String variant) {
        ImageState s = new ImageState();
        s.os = os;
        s.architecture = architecture;
        s.variant = variant;
        s.workingDir = "/";
        s.env.add("PATH=" + DEFAULT_PATH);
        return s;
    }

    /** A base image's config, its creation time dropped (the build sets its own). */
    static ImageState of(ImageConfig base) {
        ImageState s = new ImageState();
        s.os = base.os();
        s.architecture = base.architecture();
        s.variant = base.variant();
        s.osVersion = base.osVersion();
        s.author = base.author();
        if (base.rootfs() != null) {
            s.rootfs = base.rootfs();
        }
        if (base.history() != null) {
            s.history.addAll(base.history());
        }
        ContainerConfig c = base.config() == null ? ContainerConfig.empty() : base.config();
        s.user = c.user();
        s.exposedPorts = copy(c.exposedPorts());
        s.env = c.env() == null ? new ArrayList<>() : new ArrayList<>(c.env());
        s.entrypoint = c.entrypoint();
        s.cmd = c.cmd();
        s.volumes = copy(c.volumes());
        s.workingDir = c.workingDir();
        s.labels = copy(c.labels());
        s.stopSignal = c.stopSignal();
        s.argsEscaped = c.argsEscaped();
        s.healthcheck = c.healthcheck();
        s.onBuild = c.onBuild();
        s.shell = c.shell();
        return s;
    }

    /** An independent copy for a stage built on this one; ONBUILD triggers are not inherited. */
    ImageState copyForChild() {
        ImageState s = of(toConfig());
        s.onBuild = null;
        return s;
    }

    /** Sets a variable in place if it exists (config order is kept), else appends it. */
    void setEnv(String key, String value) {
        for (int i = 0; i < env.size(); i++) {
            String e = env.get(i);
            int eq = e.indexOf('=');
            if ((eq < 0 ? e : e.substring(0, eq)).equals(key)) {
                env.set(i, key + "=" + value);
                return;
            }
        }
        env.add(key + "=" + value);
    }

    void addHistory(String createdBy, boolean withLayer, String created) {
        history.add(new ImageConfig.History(created, createdBy, null, HISTORY_COMMENT, !withLayer));
    }

    ImageConfig toConfig() {
        ContainerConfig c = new ContainerConfig(user, copy(exposedPorts), List.copyOf(env), entrypoint, cmd,
                copy(volumes), workingDir, copy(labels), stopSignal, argsEscaped, healthcheck, onBuild, shell);
        return new ImageConfig(null, author, architecture, os, osVersion, variant, c, rootfs,
                List.copyOf(history));
    }

    private static <V> Map<String, V> copy(Map<String, V> m) {
        return m == null ? null : new LinkedHashMap<>(m);
    }
}
