package dev.kiln.e2e;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** BuildKit's plain progress output ({@code --progress plain}) read back into its steps. */
final class PlainLog {
    private static final Pattern LINE = Pattern.compile("^#(\\d+) (.*)$");
    private static final Pattern DOCKERFILE_STEP = Pattern.compile("^\\[([^\\]]+ )?\\d+/\\d+\\] .*");

    /**
     * One vertex: its name, its final state (DONE, CACHED, ERROR or null while running), and the numbers of
     * the lines where it was first and last reported (to tell what ran at the same time).
     */
    record Step(int id, String name, String state, int firstLine, int lastLine) {
        boolean isDockerfileStep() {
            return DOCKERFILE_STEP.matcher(name).matches();
        }
    }

    private final String text;
    private final Map<Integer, Step> steps = new LinkedHashMap<>();

    PlainLog(String text) {
        this.text = text;
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            Matcher m = LINE.matcher(lines[i]);
            if (m.matches()) {
                add(Integer.parseInt(m.group(1)), m.group(2), i);
            }
        }
    }

    private void add(int id, String rest, int line) {
        Step step = steps.get(id);
        if (step == null) {
            steps.put(id, new Step(id, rest, null, line, line));
            return;
        }
        String state = rest.equals("CACHED") ? "CACHED" : rest.startsWith("DONE") ? "DONE"
                : rest.startsWith("ERROR") ? "ERROR" : step.state();
        steps.put(id, new Step(id, step.name(), state, step.firstLine(), line));
    }

    List<Step> steps() {
        return List.copyOf(steps.values());
    }

    /** The Dockerfile's own steps ({@code [stage i/n] INSTRUCTION}), in the order they were reported. */
    List<Step> dockerfileSteps() {
        return steps.values().stream().filter(Step::isDockerfileStep).toList();
    }

    /** The one step whose name contains {@code fragment}. */
    Step step(String fragment) {
        List<Step> found = steps.values().stream().filter(s -> s.name().contains(fragment)).toList();
        assertThat(found).as("steps named like '%s' in:%n%s", fragment, text).hasSize(1);
        return found.getFirst();
    }
}
