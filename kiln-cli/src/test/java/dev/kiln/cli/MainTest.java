package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Only the named subcommand gets a model; help and mistakes still see every subcommand. */
class MainTest {
    @Test
    void help_listsEverySubcommand() {
        CliRun r = CliRun.of("", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("build", "images", "rmi", "debug", "help");
    }

    @Test
    void helpCommand_explainsAnotherSubcommand() {
        CliRun r = CliRun.of("", "help", "images");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Usage: kiln images");
    }

    @Test
    void namedSubcommand_runsWithItsOwnOptions() {
        CliRun r = CliRun.of("", "rmi", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Usage: kiln rmi");
    }

    @Test
    void unknownSubcommand_isAUsageErrorNamingIt() {
        CliRun r = CliRun.of("", "frobnicate");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("frobnicate");
    }
}
