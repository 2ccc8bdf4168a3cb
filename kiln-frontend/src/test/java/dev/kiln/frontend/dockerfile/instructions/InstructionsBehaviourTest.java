package dev.kiln.frontend.dockerfile.instructions;

import dev.kiln.core.KilnException;
import dev.kiln.core.SourceLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Instruction fields and errors beyond the shared fixtures, following BuildKit's parse.go. */
class InstructionsBehaviourTest {
    @Test
    void fromKeepsBaseNamePlatformAndLowerCasedStageName() {
        FromInstruction from = (FromInstruction) Dockerfiles.first("FROM --platform=$BUILDPLATFORM golang:1.22 As Build");

        assertThat(from.baseName()).isEqualTo("golang:1.22");
        assertThat(from.stageName()).isEqualTo("build");
        assertThat(from.platform()).isEqualTo("$BUILDPLATFORM");
        assertThat(from.info().keyword()).isEqualTo("FROM");
        assertThat(from.info().text()).isEqualTo("FROM --platform=$BUILDPLATFORM golang:1.22 As Build");
    }

    @Test
    void copyFlags() {
        CopyInstruction copy = (CopyInstruction) Dockerfiles.first(
                "COPY --from=build --chown=1:1 --chmod=755 --link --parents --exclude=*.md --exclude=x a b /dst/");

        assertThat(copy.from()).isEqualTo("build");
        assertThat(copy.chown()).isEqualTo("1:1");
        assertThat(copy.chmod()).isEqualTo("755");
        assertThat(copy.link()).isTrue();
        assertThat(copy.parents()).isTrue();
        assertThat(copy.excludes()).containsExactly("*.md", "x");
        assertThat(copy.files()).isEqualTo(new SourcesAndDest(List.of("a", "b"), List.of(), "/dst/"));
        assertThat(((CopyInstruction) Dockerfiles.first("COPY --link=false a b")).link()).isFalse();
    }

    @Test
    void addFlagsThatMatterOnlyWhenGiven() {
        AddInstruction add = (AddInstruction) Dockerfiles.first(
                "ADD --checksum=sha256:abc --keep-git-dir=true --unpack=false --exclude=e https://x/y.tar /dst");
        AddInstruction plain = (AddInstruction) Dockerfiles.first("ADD a b");

        assertThat(add.keepGitDir()).hasValue(true);
        assertThat(add.unpack()).hasValue(false);
        assertThat(add.checksum()).isEqualTo("sha256:abc");
        assertThat(add.excludes()).containsExactly("e");
        assertThat(plain.keepGitDir()).isEmpty();
        assertThat(plain.unpack()).isEmpty();
    }

    @Test
    void metadataInstructions() {
        assertThat(((ExposeInstruction) Dockerfiles.first("EXPOSE 8080 80/udp 443")).ports())
                .containsExactly("443", "80/udp", "8080");
        assertThat(((VolumeInstruction) Dockerfiles.first("VOLUME [\"/a\", \" /b \"]")).volumes())
                .containsExactly("/a", "/b");
        assertThat(((EnvInstruction) Dockerfiles.first("ENV a=1 b=\"2 3\"")).env()).containsExactly(
                new KeyValuePair("a", "1", false), new KeyValuePair("b", "\"2 3\"", false));
        assertThat(((EnvInstruction) Dockerfiles.first("ENV a 1 2")).env())
                .containsExactly(new KeyValuePair("a", "1 2", true));
        assertThat(((ArgInstruction) Dockerfiles.first("ARG a=1 b c=")).args()).containsExactly(
                new ArgDefinition("a", Optional.of("1"), ""), new ArgDefinition("b", Optional.empty(), ""),
                new ArgDefinition("c", Optional.of(""), ""));
        assertThat(((StopSignalInstruction) Dockerfiles.first("STOPSIGNAL --ignored SIGTERM")).signal())
                .isEqualTo("SIGTERM");
        assertThat(((WorkdirInstruction) Dockerfiles.first("WORKDIR /app")).path()).isEqualTo("/app");
        assertThat(((UserInstruction) Dockerfiles.first("USER app:app")).user()).isEqualTo("app:app");
    }

    @Test
    void commandForms() {
        CmdInstruction exec = (CmdInstruction) Dockerfiles.first("CMD [\"a\", \"b c\"]");
        EntrypointInstruction none = (EntrypointInstruction) Dockerfiles.first("ENTRYPOINT []");
        ShellInstruction shell = (ShellInstruction) Dockerfiles.first("SHELL [\"pwsh\", \"-c\"]");
        RunInstruction run = (RunInstruction) Dockerfiles.first("RUN --network=host --security=insecure make");

        assertThat(exec.command()).isEqualTo(new CommandLine(List.of("a", "b c"), List.of(), false));
        assertThat(none.command().args()).isEmpty();
        assertThat(shell.shell()).containsExactly("pwsh", "-c");
        assertThat(run.network()).isEqualTo("host");
        assertThat(run.security()).isEqualTo("insecure");
        assertThat(run.flagsUsed()).containsExactly("network", "security");
        assertThat(run.command()).isEqualTo(new CommandLine(List.of("make"), List.of(), true));
    }

    @Test
    void onbuildKeepsTheTriggerTextWithItsHeredocs() {
        assertThat(((OnbuildInstruction) Dockerfiles.first("onbuild  RUN echo hi")).expression()).isEqualTo("RUN echo hi");
        assertThat(((OnbuildInstruction) Dockerfiles.first("ONBUILD RUN <<EOF\necho\nEOF\n")).expression())
                .isEqualTo("RUN <<EOF\necho\nEOF");
    }

    @Test
    void healthcheckDurationsAndRetries() {
        HealthcheckInstruction h = (HealthcheckInstruction) Dockerfiles.first(
                "HEALTHCHECK --interval=30s --timeout=1.5s --start-period=1m --start-interval=2s --retries=5 CMD [\"curl\", \"x\"]");
        HealthcheckInstruction none = (HealthcheckInstruction) Dockerfiles.first("HEALTHCHECK --bogus NONE");

        assertThat(h.health()).isEqualTo(new HealthConfig(List.of("CMD", "curl", "x"), Duration.ofSeconds(30),
                Duration.ofMillis(1500), Duration.ofMinutes(1), Duration.ofSeconds(2), 5));
        assertThat(none.health().test()).containsExactly("NONE");
    }

    static Stream<Arguments> invalidInstructions() {
        return Stream.of(
                Arguments.of("FROM a AS 1x", "invalid name for build stage: \"1x\", name can't start with a number or contain symbols"),
                Arguments.of("FROM a b", "FROM requires either one or three arguments"),
                Arguments.of("FROM --foo a", "unknown flag: --foo"),
                Arguments.of("COPY --linkk a b", "unknown flag: --linkk (did you mean link?)"),
                Arguments.of("COPY --chown a b", "missing a value on flag: --chown"),
                Arguments.of("COPY --link --link a b", "duplicate flag specified: --link"),
                Arguments.of("COPY --link=maybe a b", "expecting boolean value for flag --link, not: maybe"),
                Arguments.of("COPY --link= a b", "missing a value on flag: --link"),
                Arguments.of("ADD a <<EOF\nEOF", "ADD cannot accept a heredoc as a destination"),
                Arguments.of("VOLUME [\" \"]", "VOLUME specified can not be an empty string"),
                Arguments.of("SHELL /bin/sh -c", "SHELL requires the arguments to be in JSON form"),
                Arguments.of("SHELL []", "SHELL requires at least one argument"),
                Arguments.of("SHELL [\"c:\\windows\\cmd.exe\"]", "SHELL requires the arguments to be in JSON form. It looks"
                        + " like '[\"c:\\windows\\cmd.exe\"]' includes a file path without an escaped back-slash. JSON"
                        + " requires back-slashes to be escaped such as [\"c:\\\\path\\\\to\\\\file.exe\", \"/parameter\"]"),
                Arguments.of("HEALTHCHECK --retries=-1 CMD x", "--retries cannot be negative (-1)"),
                Arguments.of("HEALTHCHECK --retries=abc CMD x", "strconv.ParseInt: parsing \"abc\": invalid syntax"),
                Arguments.of("HEALTHCHECK --retries=9999999999 CMD x", "strconv.ParseInt: parsing \"9999999999\": value out of range"),
                Arguments.of("HEALTHCHECK --interval=abc CMD x", "time: invalid duration \"abc\""),
                Arguments.of("HEALTHCHECK --interval=5 CMD x", "time: missing unit in duration \"5\""),
                Arguments.of("HEALTHCHECK --interval=5y CMD x", "time: unknown unit \"y\" in duration \"5y\""),
                Arguments.of("HEALTHCHECK --timeout=-1s CMD x", "Interval \"timeout\" cannot be less than 1ms"),
                Arguments.of("HEALTHCHECK FOO x", "Unknown type \"FOO\" in HEALTHCHECK (try CMD)"),
                Arguments.of("HEALTHCHECK NONE x", "HEALTHCHECK NONE takes no arguments"),
                Arguments.of("HEALTHCHECK CMD", "Missing command after HEALTHCHECK CMD"),
                Arguments.of("RUN --network=bridge x", "invalid network mode \"bridge\""),
                Arguments.of("RUN --security=foo x", "security \"foo\" is not valid"),
                Arguments.of("RUN --device=a,b x", "invalid field 'b' must be a key=value pair"),
                Arguments.of("ARG =x", "ARG names can not be blank"),
                Arguments.of("ARG", "ARG requires at least one argument"),
                Arguments.of("USER", "USER requires exactly one argument"),
                Arguments.of("ONBUILD MAINTAINER me", "MAINTAINER isn't allowed as an ONBUILD trigger"),
                Arguments.of("RUNN x", "unknown instruction: RUNN (did you mean RUN?)"),
                Arguments.of("expse 80", "unknown instruction: expse (did you mean expose?)"));
    }

    @ParameterizedTest
    @MethodSource("invalidInstructions")
    void invalidInstructionsFailWithBuildkitMessages(String dockerfile, String message) {
        assertThatThrownBy(() -> Dockerfiles.first(dockerfile)).isInstanceOf(KilnException.class).hasMessage(message)
                .satisfies(e -> assertThat(((KilnException) e).location()).hasValueSatisfying(
                        l -> assertThat(l).isEqualTo(new SourceLocation("Dockerfile", 1, l.endLine()))));
    }
}
