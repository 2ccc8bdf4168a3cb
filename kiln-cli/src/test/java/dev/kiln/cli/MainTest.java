package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Only the named subcommand gets a spec; help and mistakes still see every subcommand. */
class MainTest {
    @Test
    void help_listsEverySubcommand() {
        CliRun r = CliRun.of("", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("build", "images", "rmi", "du", "prune", "debug", "help");
    }

    @Test
    void noCommand_showsTheUsageOnStderr() {
        CliRun r = CliRun.of("");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("Usage: kiln [OPTIONS] COMMAND\n").contains("Commands:");
        assertThat(CliRun.of("", "debug").err()).startsWith("Usage: kiln debug [OPTIONS] COMMAND\n");
    }

    @Test
    void helpCommand_explainsAnotherSubcommand() {
        CliRun r = CliRun.of("", "help", "images");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("Usage: kiln images [OPTIONS]\n");
        assertThat(CliRun.of("", "help", "debug", "parse").out()).startsWith("Usage: kiln debug parse [OPTIONS] --ast FILE\n");
        assertThat(CliRun.of("", "help").out()).startsWith("Usage: kiln [OPTIONS] COMMAND\n");
    }

    @Test
    void helpCommand_rejectsUnknownCommands() {
        assertThat(CliRun.of("", "help", "frob")).isEqualTo(new CliRun(2, "", "kiln: Unknown command: 'frob'\n"));
        assertThat(CliRun.of("", "help", "build", "x")).isEqualTo(new CliRun(2, "", "kiln: Unexpected argument: 'x'\n"));
    }

    @Test
    void version_onEveryCommand() {
        assertThat(CliRun.of("", "--version")).isEqualTo(new CliRun(0, "kiln 0.1.0\n", ""));
        assertThat(CliRun.of("", "-V")).isEqualTo(new CliRun(0, "kiln 0.1.0\n", ""));
        assertThat(CliRun.of("", "debug", "llb", "-V")).isEqualTo(new CliRun(0, "kiln 0.1.0\n", ""));
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
        assertThat(r).isEqualTo(new CliRun(2, "", "kiln: Unknown command: 'frobnicate'\n"));
    }

    @Test
    void usageErrors_areOneLineAndExit2() {
        assertThat(CliRun.of("", "build", "--bogus", ".")).isEqualTo(new CliRun(2, "", "kiln: Unknown option: '--bogus'\n"));
        assertThat(CliRun.of("", "rmi")).isEqualTo(new CliRun(2, "", "kiln: Missing required parameter: 'NAME'\n"));
        assertThat(CliRun.of("", "debug", "parse", "x"))
                .isEqualTo(new CliRun(2, "", "kiln: Missing required option: '--ast'\n"));
        assertThat(CliRun.of("", "--debug", "build", "-t"))
                .isEqualTo(new CliRun(2, "", "kiln: Missing required parameter for option '--tag' (NAME[:TAG])\n"));
    }

    @Test
    void executionErrors_areOneLine_withTheStackTraceOnlyWithDebug() {
        CliRun plain = CliRun.of("", "debug", "parse", "--ast", "/no/such/Dockerfile");
        assertThat(plain.exitCode()).isEqualTo(1);
        assertThat(plain.err()).startsWith("ERROR: failed to read /no/such/Dockerfile").hasLineCount(1);
        CliRun debug = CliRun.of("", "debug", "parse", "--debug", "--ast", "/no/such/Dockerfile");
        assertThat(debug.exitCode()).isEqualTo(1);
        assertThat(debug.err()).contains("KilnException", "\tat dev.kiln.cli.debug.DebugParseCommand")
                .endsWith("ERROR: failed to read /no/such/Dockerfile: /no/such/Dockerfile\n");
        assertThat(CliRun.of("", "debug", "parse", "--ast", "/no/such/Dockerfile").err())
                .as("--debug holds for its own invocation only").hasLineCount(1);
    }

    @Test
    void output_usesAsciiDigits_whateverTheUsersLocale(@TempDir Path ctx) throws IOException {
        Files.writeString(ctx.resolve("Dockerfile"), "FROM scratch as base\nCOPY a /\n");
        Locale before = Locale.getDefault(Locale.Category.FORMAT);
        try {
            Locale.setDefault(Locale.Category.FORMAT, Locale.forLanguageTag("ar-EG")); // Arabic-Indic digits
            CliRun r = CliRun.of("", "build", "--check", ctx.toString());
            assertThat(r.out()).contains("   1 | >>> FROM scratch as base");
        } finally {
            Locale.setDefault(Locale.Category.FORMAT, before);
        }
    }
}
