package dev.kiln.frontend.dockerfile.parser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** parser/testfiles: the AST dump of every Dockerfile equals its {@code result} file byte for byte. */
class AstDumpConformanceTest {
    static List<String> cases() {
        return ConformanceData.caseDirectories("parser/testfiles");
    }

    @Test
    void theFixturesArePresent() {
        assertThat(cases()).hasSizeGreaterThanOrEqualTo(25);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void dumpMatchesResult(String name) {
        byte[] dockerfile = ConformanceData.bytes("parser/testfiles/" + name + "/Dockerfile");
        byte[] expected = ConformanceData.bytes("parser/testfiles/" + name + "/result");

        ParseResult result = DockerfileParser.parse(dockerfile, "Dockerfile");
        byte[] actual = GoText.encode(AstDump.dump(result.root()) + "\n");

        assertThat(new String(actual, StandardCharsets.UTF_8)).isEqualTo(new String(expected, StandardCharsets.UTF_8));
        assertThat(actual).isEqualTo(expected);
    }
}
