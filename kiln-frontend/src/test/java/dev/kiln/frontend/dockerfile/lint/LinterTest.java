package dev.kiln.frontend.dockerfile.lint;

import dev.kiln.core.KilnException;
import dev.kiln.core.SourceLocation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LinterTest {
    private static final SourceLocation LINE_2 = SourceLocation.line("Dockerfile", 2);

    @Test
    void parsesSkipErrorAndExperimental() {
        LintConfig c = LintConfig.parse(" skip=A, B ;error=true;experimental=all");
        assertThat(c.skipRules()).isEqualTo(Set.of("A", "B"));
        assertThat(c.returnAsError()).isTrue();
        assertThat(c.experimentalAll()).isTrue();
        assertThat(LintConfig.parse("skip=all").skipAll()).isTrue();
        assertThat(LintConfig.parse("")).isEqualTo(LintConfig.DEFAULT);
    }

    @Test
    void malformedOptionsUseBuildkitMessages() {
        assertThatThrownBy(() -> LintConfig.parse("skip")).isInstanceOf(KilnException.class)
                .hasMessage("invalid check option \"skip\"");
        assertThatThrownBy(() -> LintConfig.parse("foo=bar")).hasMessage("invalid check option \"foo\"");
        assertThatThrownBy(() -> LintConfig.parse("error=yes"))
                .hasMessage("failed to parse check option \"error=yes\": strconv.ParseBool: parsing \"yes\": invalid syntax");
    }

    @Test
    void skippedRulesDoNotReportAndExperimentalNeedsOptIn() {
        Linter lint = new Linter(LintConfig.parse("skip=MaintainerDeprecated"));
        lint.report(LintRule.MAINTAINER_DEPRECATED, LINE_2);
        lint.report(LintRule.INVALID_DEFINITION_DESCRIPTION, LINE_2, "ARG", "foo");
        lint.report(LintRule.STAGE_NAME_CASING, LINE_2, "Bad");
        assertThat(lint.warnings()).extracting(LintWarning::rule).containsExactly("StageNameCasing");
        assertThat(lint.warnings().getFirst().shortText())
                .isEqualTo("StageNameCasing: Stage name 'Bad' should be lowercase (line 2)");
    }

    @Test
    void instructionCommentAddsToTheFileConfiguration() {
        Linter lint = new Linter(LintConfig.parse("error=true"));
        Linter local = lint.withComments(List.of("# check=skip=all // local to this instruction"));
        local.report(LintRule.MAINTAINER_DEPRECATED, LINE_2);
        assertThat(lint.failed()).isFalse();
        lint.withComments(List.of("check=skip=StageNameCasing")).report(LintRule.MAINTAINER_DEPRECATED, LINE_2);
        assertThat(lint.warnings()).hasSize(1);
        assertThatThrownBy(lint::throwIfFailed).hasMessage("lint violation found for rules: MaintainerDeprecated");
    }
}
