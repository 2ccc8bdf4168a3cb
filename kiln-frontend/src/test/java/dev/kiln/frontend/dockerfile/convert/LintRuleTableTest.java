package dev.kiln.frontend.dockerfile.convert;

import dev.kiln.frontend.dockerfile.lint.LintRule;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Our rule table against linter/rules.json: same names, descriptions, links, experimental flags. */
class LintRuleTableTest {
    private final List<JsonNode> rules = BuildkitFixtures.cases("linter/rules.json");

    @Test
    void everyUpstreamRuleIsDefinedIdentically() {
        for (JsonNode r : rules) {
            LintRule rule = LintRule.byName(r.get("name").asString());
            assertThat(rule).as(r.get("name").asString()).isNotNull();
            assertThat(rule.description()).isEqualTo(r.get("description").asString());
            assertThat(rule.url()).isEqualTo(BuildkitFixtures.text(r, "url"));
            assertThat(rule.experimental()).isEqualTo(r.get("experimental").asBoolean());
        }
    }

    @Test
    void noRuleBeyondUpstream() {
        List<String> upstream = rules.stream().map(r -> r.get("name").asString()).toList();
        assertThat(Arrays.stream(LintRule.values()).map(LintRule::ruleName)).containsExactlyInAnyOrderElementsOf(upstream);
    }

    @Test
    void messagesFollowTheUpstreamTemplates() {
        for (JsonNode r : rules) {
            LintRule rule = LintRule.byName(r.get("name").asString());
            List<String> formats = BuildkitFixtures.strings(r.get("message_formats"));
            String first = formats.getFirst();
            String literal = first.replaceAll("%[sqv]", "");
            String[] args = new String[(first.length() - literal.length()) / 2 + (formats.size() > 1 ? 1 : 0)];
            Arrays.fill(args, "");
            String message = rule.message(args);
            assertThat(message.replace("\"\"", "")).as(rule.ruleName()).isEqualTo(literal);
        }
    }

    @Test
    void suggestionIsAppendedOnlyWhenGiven() {
        assertThat(LintRule.UNDEFINED_VAR.message("PAHT", "PATH"))
                .isEqualTo("Usage of undefined variable '$PAHT' (did you mean $PATH?)");
        assertThat(LintRule.UNDEFINED_VAR.message("X", "")).isEqualTo("Usage of undefined variable '$X'");
        assertThat(LintRule.DUPLICATE_STAGE_NAME.message("b"))
                .isEqualTo("Duplicate stage name \"b\", stage names should be unique");
    }
}
