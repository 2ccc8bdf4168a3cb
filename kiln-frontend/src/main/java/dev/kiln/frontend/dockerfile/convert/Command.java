package dev.kiln.frontend.dockerfile.convert;

import dev.kiln.core.SourceLocation;
import dev.kiln.frontend.dockerfile.instructions.Instruction;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An instruction to dispatch in a stage, with the stages it reads ({@code COPY --from}, {@code RUN
 * --mount=from=}) and where to report it: its own lines, or the FROM of the stage for an ONBUILD trigger.
 * {@code sources} has one entry per COPY --from or RUN --mount, null where that reads no stage (the
 * context, a cache or tmpfs mount), so mounts find theirs by index.
 */
record Command(Instruction instruction, SourceLocation location, List<StageState> sources, boolean onBuild) {
    /** {@code sources} lines up with the RUN's mounts, so it may hold nulls (mounts of no stage). */
    Command {
        sources = Collections.unmodifiableList(new ArrayList<>(sources));
    }

    List<String> comments() {
        return instruction.info().comments();
    }
}
