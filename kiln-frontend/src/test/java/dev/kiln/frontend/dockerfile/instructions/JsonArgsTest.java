package dev.kiln.frontend.dockerfile.instructions;

import dev.kiln.core.SourceLocation;
import dev.kiln.frontend.dockerfile.parser.ConformanceData;
import dev.kiln.frontend.dockerfile.parser.Node;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** instructions/json_args.json: exec form keeps the words, shell form joins them. */
class JsonArgsTest {
    @Test
    void commandWordsMatchUpstream() {
        for (JsonNode c : ConformanceData.cases("instructions/json_args.json")) {
            Node node = Node.instruction("cmd", ConformanceData.strings(c.get("args")), c.get("json").asBoolean(),
                    SourceLocation.line("Dockerfile", 1));

            CmdInstruction cmd = (CmdInstruction) InstructionParser.parse(node);

            assertThat(cmd.command().args()).as(c.get("name").stringValue())
                    .isEqualTo(ConformanceData.strings(c.get("expected")));
            assertThat(cmd.command().prependShell()).isEqualTo(!c.get("json").asBoolean());
        }
    }
}
