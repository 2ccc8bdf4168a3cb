package dev.kiln.cli.debug;

import dev.kiln.cli.CliRun;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DebugExpandCommandTest {
    @Test
    void expandsEachLineWithTheGivenEnvironment() {
        CliRun r = CliRun.of("he'll'o\n${A:-x}${B}\n${C:?}\n", "debug", "expand", "--env", "A=1", "--env", "B=two");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("hello\n1two\nerror\n");
    }

    @Test
    void wordsModeJoinsWordsWithCommas() {
        CliRun r = CliRun.of("a${S}b \"c d\"\n", "debug", "expand", "--words", "--env", "S=x  y");
        assertThat(r.out()).isEqualTo("ax,yb,c d\n");
    }
}
