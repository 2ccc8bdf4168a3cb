package dev.kiln.frontend.dockerfile.convert;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.core.oci.ImageConfig;
import dev.kiln.core.platform.Platform;
import dev.kiln.frontend.dockerfile.instructions.Instruction;
import dev.kiln.frontend.dockerfile.instructions.InstructionParser;
import dev.kiln.frontend.dockerfile.instructions.OnbuildInstruction;
import dev.kiln.frontend.dockerfile.instructions.Suggest;
import dev.kiln.frontend.dockerfile.lint.LintRule;
import dev.kiln.frontend.dockerfile.parser.DockerfileParser;
import dev.kiln.frontend.dockerfile.parser.GoQuote;
import dev.kiln.frontend.dockerfile.parser.GoText;
import dev.kiln.frontend.dockerfile.parser.Node;
import dev.kiln.graph.NodeMeta;
import dev.kiln.graph.SourceOp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Resolves the base image of every stage the target needs (digest and config from the
 * {@link ImageMetadataResolver}) and runs their ONBUILD triggers, which may pull in more stages.
 */
final class BaseImages {
    private static final List<String> COMMON_IMAGES = Stream.of("alpine", "busybox", "centos", "debian", "golang",
            "ubuntu", "fedora").flatMap(n -> Stream.of(n, "docker.io/library" + n, n + ":latest",
            "docker.io/library" + n + ":latest")).toList();

    private final Conversion cx;

    BaseImages(Conversion cx) {
        this.cx = cx;
    }

    /** Returns the stages the target needs, all resolved. */
    Set<StageState> resolve(StageState target) {
        while (true) {
            Set<StageState> reachable = Dependencies.reachable(target);
            for (StageState d : List.copyOf(cx.table.all())) {
                if (d.base == null && !d.dispatched && !d.resolved) {
                    d.resolved = cx.req.allStages() || reachable.contains(d);
                    Located.run(d.location, () -> resolveBase(d));
                }
            }
            boolean newDeps = false;
            // File order: a stage's base (always earlier) is set up before the stage copies from it.
            for (StageState d : List.copyOf(cx.table.all())) {
                if (reachable.contains(d)) {
                    newDeps |= Located.at(d.location, () -> initOnBuild(d));
                }
            }
            if (!newDeps) {
                return reachable;
            }
        }
    }

    private void resolveBase(StageState d) {
        if (d.isScratchBase()) {
            d.state = BuildState.of(null);
            d.image = ImageState.empty(cx.targetPlatform.os(), cx.targetPlatform.architecture(),
                    emptyToNull(cx.targetPlatform.variant()));
            d.platform = cx.targetPlatform;
        } else {
            resolveImage(d);
        }
        // An image named only by --from needs no dispatching once it has a state; one that is not needed yet
        // stays unresolved, in case an ONBUILD trigger makes it needed later.
        if (d.unregistered && d.state != null) {
            d.dispatched = true;
        }
    }

    /** Every base reference must parse; only those of needed stages are looked up. */
    private void resolveImage(StageState d) {
        String orig = d.baseName;
        String ref;
        try {
            ref = ImageRef.normalize(orig);
        } catch (KilnException e) {
            throw new KilnException(e.kind(), "failed to parse stage name " + GoQuote.quote(orig) + ": "
                    + e.getMessage());
        }
        Platform platform = d.platform != null ? d.platform : cx.targetPlatform;
        d.baseName = ref;
        if (!d.resolved) {
            return;
        }
        ResolvedBaseImage resolved = lookUp(orig, ref, platform);
        ImageConfig config = resolved.config();
        if (d.platform == null && cx.implicitTarget) {
            platform = autoDetect(config, platform);
        }
        d.baseName = resolved.pinnedRef();
        d.image = ImageState.of(config);
        if (isEmpty(config)) {
            d.state = BuildState.of(null);
        } else {
            NodeMeta meta = new NodeMeta(StepNames.next(d, "FROM " + d.baseName, cx.multiPlatform), d.location,
                    d.ignoreCache);
            SourceVertex source = new SourceVertex(SourceOp.IMAGE_SCHEME + d.baseName, Map.of(),
                    platform.formatAll(), meta);
            d.state = BuildState.of(Ref.of(source));
            checkPlatform(orig, platform, config, d);
        }
        d.platform = platform;
    }

    private ResolvedBaseImage lookUp(String orig, String ref, Platform platform) {
        try {
            return cx.req.resolver().resolve(ref, platform);
        } catch (KilnException e) {
            List<String> options = new ArrayList<>(cx.table.names());
            options.addAll(COMMON_IMAGES);
            String message = orig + ": " + e.getMessage();
            throw new KilnException(e.kind(), Suggest.closest(orig, options, true)
                    .map(m -> message + " (did you mean " + m + "?)").orElse(message), e);
        }
    }

    /** An image with no layers (and no history of any) is a scratch image: no source op is needed. */
    private static boolean isEmpty(ImageConfig config) {
        if (config.rootfs() == null || config.rootfs().diffIds() != null && !config.rootfs().diffIds().isEmpty()) {
            return false;
        }
        return config.history() == null || config.history().stream().allMatch(ImageConfig.History::emptyLayer);
    }

    /** For an implicit target, a base image for one of the build platforms is built for that platform. */
    private Platform autoDetect(ImageConfig config, Platform target) {
        if (target.os().equals(config.os()) && target.architecture().equals(config.architecture())) {
            return target;
        }
        Platform build = cx.buildPlatform;
        if (build.os().equals(config.os()) && build.architecture().equals(config.architecture())) {
            return build;
        }
        return target;
    }

    private void checkPlatform(String name, Platform expected, ImageConfig config, StageState d) {
        String os = config.os() == null ? "" : config.os();
        String arch = config.architecture() == null ? "" : config.architecture();
        if (!expected.os().equals(os) || !expected.architecture().equals(arch)) {
            Platform actual = new Platform(os, arch, config.variant(), config.osVersion(), List.of());
            cx.lint.report(LintRule.INVALID_BASE_IMAGE_PLATFORM, d.location, name,
                    actual.normalize().formatAll(), expected.normalize().formatAll());
        }
    }

    /** Collects the ONBUILD triggers a stage inherits; true when they read other stages. */
    private boolean initOnBuild(StageState d) {
        d.inheritFromBase();
        List<String> triggers = new ArrayList<>();
        if (d.image != null && d.image.onBuild != null) {
            triggers.addAll(d.image.onBuild);
        }
        if (d.base != null && !d.onBuildInit) {
            for (Command c : d.base.commands) {
                if (c.instruction() instanceof OnbuildInstruction ob) {
                    triggers.add(ob.expression());
                }
            }
            d.onBuildInit = true;
        }
        if (triggers.isEmpty()) {
            return false;
        }
        boolean newDeps = addTriggers(d, triggers);
        d.image.onBuild = null;
        return newDeps;
    }

    private boolean addTriggers(StageState d, List<String> triggers) {
        Dependencies deps = new Dependencies(cx);
        List<Command> commands = new ArrayList<>();
        boolean newDeps = false;
        for (String trigger : triggers) {
            Instruction i = parseTrigger(trigger, d);
            Command c = deps.toCommand(i, d.location, true);
            newDeps |= deps.registerSources(d, c);
            commands.add(c);
        }
        commands.addAll(d.commands);
        d.commands = commands;
        d.cmdTotal += triggers.size();
        return newDeps;
    }

    /** A trigger's errors are reported at the FROM of the stage that runs it. */
    private Instruction parseTrigger(String trigger, StageState d) {
        try {
            List<Node> nodes = DockerfileParser.parse(GoText.encode(trigger), cx.req.fileName()).root().children();
            if (nodes.size() != 1) {
                throw new KilnException(ErrorKind.INVALID_ARGUMENT, "onbuild trigger should be a single expression");
            }
            return InstructionParser.parse(nodes.getFirst());
        } catch (KilnException e) {
            throw new KilnException(e.kind(), e.getMessage(), d.location, e);
        }
    }

    private static String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }
}
