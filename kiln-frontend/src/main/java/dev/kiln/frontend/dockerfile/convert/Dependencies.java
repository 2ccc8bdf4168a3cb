package dev.kiln.frontend.dockerfile.convert;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.core.SourceLocation;
import dev.kiln.frontend.dockerfile.instructions.CopyInstruction;
import dev.kiln.frontend.dockerfile.instructions.Instruction;
import dev.kiln.frontend.dockerfile.instructions.MountSpec;
import dev.kiln.frontend.dockerfile.instructions.MountType;
import dev.kiln.frontend.dockerfile.instructions.RunInstruction;
import dev.kiln.frontend.dockerfile.instructions.WordExpander;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which stages read which: {@code COPY --from} and {@code RUN --mount=from=} name a stage (by name or
 * index) or else an image. Cycles are rejected; the target's closure is what gets built.
 */
final class Dependencies {
    private final Conversion cx;

    Dependencies(Conversion cx) {
        this.cx = cx;
    }

    void link() {
        for (StageState d : List.copyOf(cx.table.all())) {
            if (d.stage == null) {
                continue;
            }
            for (Instruction i : d.stage.commands()) {
                Command c = toCommand(i, i.location(), false);
                d.commands.add(c);
                registerSources(d, c);
            }
        }
        checkCycles();
        if (cx.table.all().size() == 1) {
            cx.table.all().getFirst().displayName = "";
        }
    }

    /** Records what {@code c} of stage {@code d} reads; true when it reads another stage or image. */
    boolean registerSources(StageState d, Command c) {
        for (StageState src : c.sources()) {
            if (src == null) {
                continue;
            }
            d.deps.put(src, c);
            if (src.unregistered) {
                cx.table.add(src);
            }
        }
        return c.sources().stream().anyMatch(s -> s != null);
    }

    /** The command for an instruction, with the stages it reads resolved. */
    Command toCommand(Instruction i, SourceLocation where, boolean onBuild) {
        List<StageState> sources = new ArrayList<>();
        if (i instanceof CopyInstruction copy && !copy.from().isEmpty()) {
            sources.add(Located.at(where, () -> copySource(copy.from(), where)));
        } else if (i instanceof RunInstruction run) {
            for (String raw : run.mounts()) {
                sources.add(mountSource(raw, where));
            }
        }
        return new Command(i, where, sources, onBuild);
    }

    private StageState copySource(String from, SourceLocation where) {
        if (!cx.lex.processWordWithMatches(from, EnvList.EMPTY).result().equals(from)) {
            throw new KilnException(ErrorKind.INVALID_ARGUMENT, "variable expansion is not supported for --from, "
                    + "define a new stage with FROM using ARG from global scope as a workaround");
        }
        if (from.matches("[+-]?[0-9]{1,18}")) {
            return cx.table.byIndex(Long.parseLong(from));
        }
        StageState named = cx.table.byName(from);
        return named != null ? named : StageState.ofImage(from, where);
    }

    /**
     * The stage or image a mount reads, or null (build context, scratch, tmpfs). Options are not expanded
     * yet; a mount that only parses once expanded is resolved when its RUN is dispatched.
     */
    private StageState mountSource(String raw, SourceLocation where) {
        MountSpec m;
        try {
            m = MountSpec.parse(raw, WordExpander.LITERAL);
        } catch (KilnException e) {
            return null;
        }
        if (m.from().isEmpty() || m.type() == MountType.TMPFS) {
            return null;
        }
        StageState named = cx.table.byName(m.from());
        return named != null ? named : StageState.ofImage(m.from(), where);
    }

    /** BuildKit's cycle check: the first stage (in file order) from which a cycle is reachable is named. */
    private void checkCycles() {
        Set<StageState> visited = new HashSet<>();
        for (StageState s : cx.table.all()) {
            List<Command> cycle = visit(s, new ArrayList<>(), visited, new LinkedHashSet<>());
            if (cycle != null) {
                SourceLocation first = cycle.getFirst().location();
                throw new KilnException(ErrorKind.INVALID_ARGUMENT,
                        "circular dependency detected on stage: " + s.displayName, first, null);
            }
        }
    }

    private List<Command> visit(StageState s, List<Command> current, Set<StageState> visited, Set<StageState> path) {
        if (!visited.add(s)) {
            return null;
        }
        path.add(s);
        for (var e : s.deps.entrySet()) {
            List<Command> next = new ArrayList<>(current);
            next.add(e.getValue());
            if (path.contains(e.getKey())) {
                return next;
            }
            List<Command> found = visit(e.getKey(), next, visited, path);
            if (found != null) {
                return found;
            }
        }
        path.remove(s);
        return null;
    }

    /** The stages {@code target} needs: its base chain and every stage it reads, transitively. */
    static Set<StageState> reachable(StageState target) {
        Set<StageState> seen = new LinkedHashSet<>();
        List<StageState> todo = new ArrayList<>(List.of(target));
        while (!todo.isEmpty()) {
            StageState s = todo.removeLast();
            if (s == null || !seen.add(s)) {
                continue;
            }
            todo.add(s.base);
            todo.addAll(s.deps.keySet());
        }
        return seen;
    }
}
