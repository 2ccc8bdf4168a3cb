package dev.kiln.frontend.dockerfile.instructions;

import dev.kiln.frontend.dockerfile.parser.ConformanceData;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** instructions/heredoc_instructions.json: COPY inline sources and RUN inline files. */
class HeredocInstructionsTest {
    @TestFactory
    Stream<DynamicTest> heredocInstructionsMatchUpstream() {
        return ConformanceData.cases("instructions/heredoc_instructions.json").stream()
                .map(c -> DynamicTest.dynamicTest(c.get("dockerfile").stringValue(), () -> check(c)));
    }

    private static void check(JsonNode c) {
        Instruction instruction = Dockerfiles.first(c.get("dockerfile").stringValue());
        if (c.get("kind").stringValue().equals("COPY")) {
            SourcesAndDest files = ((CopyInstruction) instruction).files();
            assertThat(files.destPath()).isEqualTo(c.get("dest_path").stringValue());
            assertThat(files.sourcePaths()).isEqualTo(ConformanceData.strings(c.get("source_paths")));
            assertThat(files.sourceContents()).isEqualTo(c.get("source_contents").values().stream()
                    .map(s -> new SourceContent(s.get("path").stringValue(), s.get("data").stringValue(),
                            s.get("expand").asBoolean())).toList());
            return;
        }
        CommandLine command = ((RunInstruction) instruction).command();
        assertThat(command.prependShell()).isEqualTo(c.get("prepend_shell").asBoolean());
        assertThat(command.args()).isEqualTo(ConformanceData.strings(c.get("cmd_line")));
        assertThat(command.files()).isEqualTo(c.get("files").values().stream()
                .map(f -> new InlineFile(f.get("name").stringValue(), f.get("data").stringValue(),
                        f.get("chomp").asBoolean())).toList());
    }
}
