package dev.kiln.frontend.dockerfile.lint;

import dev.kiln.frontend.dockerfile.instructions.Stage;
import dev.kiln.frontend.dockerfile.parser.GoText;
import dev.kiln.frontend.dockerfile.parser.Node;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The checks BuildKit makes while it types instructions (casing, deprecated MAINTAINER, definition
 * comments, stage names), run here on the AST: they need the words as written.
 */
public final class SyntaxChecks {
    private static final Set<String> RESERVED_STAGE_NAMES = Set.of("context", "scratch");

    private SyntaxChecks() {
    }

    /**
     * Checks one instruction node. {@code typed} tells whether it was typed without error: BuildKit makes
     * the casing and MAINTAINER checks before typing an instruction, the comment checks after.
     */
    public static void instruction(Node node, Linter fileLint, boolean typed) {
        Linter lint = fileLint.withComments(node.comments());
        String keyword = node.value();
        List<String> args = node.argumentValues();
        switch (GoText.toLower(keyword)) {
            case "from" -> {
                fromCasing(node, keyword, args, lint);
                if (typed && args.size() == 3) {
                    definitionComment("FROM", List.of(GoText.toLower(args.get(2))), node, lint);
                }
            }
            case "maintainer" -> lint.report(LintRule.MAINTAINER_DEPRECATED, node.location());
            case "arg" -> {
                if (typed) {
                    definitionComment("ARG", args.stream().map(SyntaxChecks::argKey).toList(), node, lint);
                }
            }
            default -> {
            }
        }
    }

    /** ReservedStageName and DuplicateStageName over the stages in order. */
    public static void stageNames(List<Stage> stages, Linter lint) {
        Set<String> seen = new HashSet<>();
        for (Stage s : stages) {
            String name = s.name();
            if (name.isEmpty()) {
                continue;
            }
            if (RESERVED_STAGE_NAMES.contains(name)) {
                lint.report(LintRule.RESERVED_STAGE_NAME, s.location(), name);
            }
            if (!seen.add(name)) {
                lint.report(LintRule.DUPLICATE_STAGE_NAME, s.location(), name);
            }
        }
    }

    /**
     * ConsistentInstructionCasing: each keyword of the stages (ARGs before the first FROM do not count) must be
     * all lower or all upper case, and in the case most keywords use.
     */
    public static void instructionCasing(List<Node> instructions, Linter lint) {
        List<Node> counted = new ArrayList<>();
        for (Node n : instructions) {
            if (!counted.isEmpty() || GoText.toLower(n.value()).equals("from")) {
                counted.add(n);
            }
        }
        int lower = 0;
        int upper = 0;
        for (Node n : counted) {
            String k = n.value();
            if (k.equals(GoText.toLower(k))) {
                lower++;
            } else if (k.equals(GoText.toUpper(k))) {
                upper++;
            }
        }
        boolean majorityLower = lower > upper;
        for (Node n : counted) {
            String k = n.value();
            String wanted = majorityLower ? GoText.toLower(k) : GoText.toUpper(k);
            if (!k.equals(wanted)) {
                lint.report(LintRule.CONSISTENT_INSTRUCTION_CASING, n.location(), k,
                        majorityLower ? "lowercase" : "uppercase");
            }
        }
    }

    private static void fromCasing(Node node, String keyword, List<String> args, Linter lint) {
        if (args.size() == 3 && !args.get(2).equals(GoText.toLower(args.get(2)))) {
            lint.report(LintRule.STAGE_NAME_CASING, node.location(), args.get(2));
        }
        if (args.size() < 3) {
            return;
        }
        boolean fromLower = keyword.equals(GoText.toLower(keyword));
        boolean fromUpper = keyword.equals(GoText.toUpper(keyword));
        String as = args.get(1);
        boolean mismatch = fromLower && !as.equals(GoText.toLower(as)) || fromUpper && !as.equals(GoText.toUpper(as));
        if (mismatch) {
            lint.report(LintRule.FROM_AS_CASING, node.location(), as, keyword);
        }
    }

    /** InvalidDefinitionDescription: the comment right above must start with the defined name. */
    private static void definitionComment(String instruction, List<String> keys, Node node, Linter lint) {
        List<String> comments = node.comments();
        if (comments.isEmpty() || keys.isEmpty()) {
            return;
        }
        String firstWord = comments.getLast().split(" ", -1)[0];
        if (keys.contains(firstWord)) {
            return;
        }
        String example = keys.size() > 1 ? "<arg_key>" : keys.getFirst();
        lint.report(LintRule.INVALID_DEFINITION_DESCRIPTION, node.location(), instruction, example);
    }

    private static String argKey(String word) {
        int eq = word.indexOf('=');
        return eq < 0 ? word : word.substring(0, eq);
    }
}
