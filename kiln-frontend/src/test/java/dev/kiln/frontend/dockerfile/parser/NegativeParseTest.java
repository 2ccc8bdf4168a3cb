package dev.kiln.frontend.dockerfile.parser;

import dev.kiln.core.KilnException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** parser/testfiles-negative: each Dockerfile must fail to parse, with a located error. */
class NegativeParseTest {
    static List<String> cases() {
        return ConformanceData.caseDirectories("parser/testfiles-negative");
    }

    @Test
    void theFixturesArePresent() {
        assertThat(cases()).hasSize(4);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void parsingFails(String name) {
        byte[] dockerfile = ConformanceData.bytes("parser/testfiles-negative/" + name + "/Dockerfile");

        KilnException error = catchThrowableOfType(KilnException.class,
                () -> DockerfileParser.parse(dockerfile, "Dockerfile"));

        assertThat(error).isNotNull();
        assertThat(error.location()).hasValueSatisfying(l -> assertThat(l.file()).isEqualTo("Dockerfile"));
    }
}
