package dev.kiln.frontend.dockerfile.lint;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.frontend.dockerfile.parser.GoQuote;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which checks run and whether they fail the build, as written in {@code # check=skip=A,B;error=true;
 * experimental=C} (or the {@code BUILDKIT_DOCKERFILE_CHECK} build argument, which replaces the directive).
 */
public record LintConfig(boolean skipAll, Set<String> skipRules, boolean experimentalAll,
                         Set<String> experimentalRules, boolean returnAsError) {

    public static final LintConfig DEFAULT = new LintConfig(false, Set.of(), false, Set.of(), false);

    private static final Pattern CHECK_COMMENT =
            Pattern.compile("^#?\\s*check\\s*=\\s*(\\S+)", Pattern.CASE_INSENSITIVE);

    public LintConfig {
        skipRules = Set.copyOf(skipRules);
        experimentalRules = Set.copyOf(experimentalRules);
    }

    /** Parses the option string; a malformed one is an INVALID_ARGUMENT error with BuildKit's wording. */
    public static LintConfig parse(String options) {
        String s = options == null ? "" : options.strip();
        if (s.isEmpty()) {
            return DEFAULT;
        }
        Builder b = new Builder();
        for (String part : s.split(";", 3)) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                throw invalid("invalid check option " + GoQuote.quote(part));
            }
            String key = part.substring(0, eq).strip();
            String value = part.substring(eq + 1).strip();
            switch (key) {
                case "skip" -> b.skip(value);
                case "experimental" -> b.experimental(value);
                case "error" -> b.error(part, value);
                default -> throw invalid("invalid check option " + GoQuote.quote(key));
            }
        }
        return b.build();
    }

    /**
     * The configuration in force for one instruction: this one with the first {@code # check=...} among
     * the comments just above the instruction added to it (text after a space, like {@code // why}, is
     * ignored). A comment that does not parse changes nothing.
     */
    public LintConfig mergedWithComments(List<String> comments) {
        for (String comment : comments) {
            Matcher m = CHECK_COMMENT.matcher(comment.strip());
            if (m.find()) {
                try {
                    return merge(parse(m.group(1)));
                } catch (KilnException ignored) {
                    return this;
                }
            }
        }
        return this;
    }

    boolean enabled(LintRule rule) {
        if (rule.experimental()) {
            return experimentalAll || experimentalRules.contains(rule.ruleName());
        }
        return !skipAll && !skipRules.contains(rule.ruleName());
    }

    private LintConfig merge(LintConfig local) {
        return new LintConfig(skipAll || local.skipAll, union(skipRules, local.skipRules),
                experimentalAll || local.experimentalAll, union(experimentalRules, local.experimentalRules),
                returnAsError);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    private static KilnException invalid(String message) {
        return new KilnException(ErrorKind.INVALID_ARGUMENT, message);
    }

    private static final class Builder {
        private static final Set<String> GO_TRUE = Set.of("1", "t", "T", "true", "TRUE", "True");
        private static final Set<String> GO_FALSE = Set.of("0", "f", "F", "false", "FALSE", "False");

        private boolean skipAll;
        private Set<String> skip = Set.of();
        private boolean experimentalAll;
        private Set<String> experimental = Set.of();
        private boolean error;

        void skip(String value) {
            if (value.equals("all")) {
                skipAll = true;
            } else {
                skip = ruleList(value);
            }
        }

        void experimental(String value) {
            if (value.equals("all")) {
                experimentalAll = true;
            } else {
                experimental = ruleList(value);
            }
        }

        void error(String part, String value) {
            if (GO_TRUE.contains(value)) {
                error = true;
            } else if (GO_FALSE.contains(value)) {
                error = false;
            } else {
                throw invalid("failed to parse check option " + GoQuote.quote(part)
                        + ": strconv.ParseBool: parsing " + GoQuote.quote(value) + ": invalid syntax");
            }
        }

        LintConfig build() {
            return new LintConfig(skipAll, skip, experimentalAll, experimental, error);
        }

        private static Set<String> ruleList(String value) {
            List<String> rules = new ArrayList<>();
            for (String r : value.split(",", -1)) {
                rules.add(r.strip());
            }
            return Set.copyOf(rules);
        }
    }
}
