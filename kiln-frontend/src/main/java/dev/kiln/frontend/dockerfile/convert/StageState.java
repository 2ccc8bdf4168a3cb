package dev.kiln.frontend.dockerfile.convert;

import dev.kiln.core.SourceLocation;
import dev.kiln.core.platform.Platform;
import dev.kiln.frontend.dockerfile.instructions.Stage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One stage while the Dockerfile is converted (BuildKit's {@code dispatchState}): a stage of the file, or an
 * image that {@code COPY --from}/{@code --mount=from=} names without a stage of that name ("unregistered").
 */
final class StageState {
    final Stage stage;
    final String declaredName;
    final SourceLocation location;
    final boolean unregistered;
    final Map<StageState, Command> deps = new LinkedHashMap<>();
    final List<ArgBinding> buildArgs = new ArrayList<>();
    final UsageTracker entrypoint = new UsageTracker();
    final UsageTracker cmd = new UsageTracker();
    final UsageTracker healthcheck = new UsageTracker();

    String baseName;
    String displayName;
    StageState base;
    List<Command> commands = new ArrayList<>();
    BuildState state;
    ImageState image;
    Platform platform;
    boolean resolved;
    boolean dispatched;
    boolean onBuildInit;
    boolean ignoreCache;
    boolean workdirSet;
    int cmdIndex;
    int cmdTotal;
    boolean cmdIsOnBuild;

    private StageState(Stage stage, String declaredName, String baseName, SourceLocation location,
                       boolean unregistered) {
        this.stage = stage;
        this.declaredName = declaredName;
        this.baseName = baseName;
        this.location = location;
        this.unregistered = unregistered;
        this.displayName = declaredName;
    }

    static StageState ofStage(Stage stage, String expandedBaseName) {
        return new StageState(stage, stage.name(), expandedBaseName, stage.location(), false);
    }

    /** An image used by name only, e.g. {@code COPY --from=alpine}. */
    static StageState ofImage(String imageName, SourceLocation usedAt) {
        return new StageState(null, "", imageName, usedAt, true);
    }

    boolean isScratchBase() {
        return baseName.equals("scratch");
    }

    /** Takes over the base stage's filesystem, image config and ARGs (BuildKit's {@code init}). */
    void inheritFromBase() {
        if (base == null) {
            return;
        }
        state = base.state;
        platform = base.platform;
        image = base.image.copyForChild();
        workdirSet = base.workdirSet;
        buildArgs.addAll(base.buildArgs);
    }
}
