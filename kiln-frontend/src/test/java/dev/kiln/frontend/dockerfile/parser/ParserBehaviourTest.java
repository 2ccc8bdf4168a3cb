package dev.kiln.frontend.dockerfile.parser;

import dev.kiln.core.KilnException;
import dev.kiln.core.SourceLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Parser rules beyond the shared fixtures, checked against BuildKit's documented behaviour. */
class ParserBehaviourTest {
    private static String dump(String dockerfile) {
        return AstDump.dump(DockerfileParser.parse(dockerfile.getBytes(StandardCharsets.UTF_8), "Dockerfile").root());
    }

    static Stream<Arguments> instructions() {
        return Stream.of(
                Arguments.of("HEALTHCHECK --interval=5s CMD [\"curl\",\"x\"]",
                        "(healthcheck [\"--interval=5s\"] \"CMD\" \"curl\" \"x\")"),
                Arguments.of("HEALTHCHECK NONE", "(healthcheck \"NONE\")"),
                Arguments.of("HEALTHCHECK", "(healthcheck)"),
                Arguments.of("HEALTHCHECK   CMD   a b", "(healthcheck \"CMD\" \"a b\")"),
                Arguments.of("HEALTHCHECK CONNECT TCP 7000", "(healthcheck \"CONNECT\" \"TCP 7000\")"),
                Arguments.of("# escape = `\nENV GOPATH \\\n\\go", "(env \"GOPATH\" \"\\\\\" \"\")\n(\\go \"\")"),
                Arguments.of("CMD ['echo', 'x']", "(cmd \"['echo', 'x']\")"),
                Arguments.of("HEALTHCHECK CMD curl -f http://x || exit 1",
                        "(healthcheck \"CMD\" \"curl -f http://x || exit 1\")"),
                Arguments.of("COPY --from=\"a b\" --chmod='7'55 x y",
                        "(copy [\"--from=a b\" \"--chmod=755\"] \"x\" \"y\")"),
                Arguments.of("FOO bar", "(foo \"\")"),
                Arguments.of("ONBUILD --x=1 ADD . /app", "(onbuild [\"--x=1\"] (add \".\" \"/app\"))"),
                Arguments.of("ONBUILD ONBUILD RUN x", "(onbuild (onbuild (run \"x\")))"),
                Arguments.of("arg A=1 B", "(arg \"A=1\" \"B\")"),
                Arguments.of("RUN --mount=type=cache,target=/x -- echo hi",
                        "(run [\"--mount=type=cache,target=/x\"] \"echo hi\")"),
                Arguments.of("SHELL [\"/bin/bash\", \"-c\"]", "(shell \"/bin/bash\" \"-c\")"));
    }

    @ParameterizedTest
    @MethodSource("instructions")
    void instructionDumps(String line, String expected) {
        assertThat(dump(line)).isEqualTo(expected);
    }

    @Test
    void byteOrderMarkAndCrlfAreHandled() {
        assertThat(dump("\uFEFFFROM a\r\nRUN b \\\r\n c\r\n")).isEqualTo("(from \"a\")\n(run \"b  c\")");
    }

    @Test
    void invalidUtf8IsKeptAndDumpedAsGoDoes() {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes("RUN a".getBytes(StandardCharsets.UTF_8));
        file.write(0xFF);

        Node root = DockerfileParser.parse(file.toByteArray(), "Dockerfile").root();

        assertThat(AstDump.dump(root)).isEqualTo("(run \"a\\xff\")");
        assertThat(GoText.encode(root.children().getFirst().next().getFirst().value()))
                .isEqualTo(new byte[] {'a', (byte) 0xFF});
    }

    @Test
    void nonAsciiFlagBytesAreReadAsLatin1LikeUpstream() {
        assertThat(dump("COPY --chown=é a b")).isEqualTo("(copy [\"--chown=Ã©\"] \"a\" \"b\")");
    }

    @Test
    void commentsAboveAnInstructionAreKeptAndDirectivesAreNot() {
        Node root = DockerfileParser.parse("# syntax=docker/dockerfile:1\n# base image\n\n# the one\nFROM a\n#\nRUN b\n"
                .getBytes(StandardCharsets.UTF_8), "Dockerfile").root();

        assertThat(root.children().get(0).comments()).containsExactly("base image", "the one");
        assertThat(root.children().get(1).comments()).isEmpty();
    }

    @Test
    void heredocBodiesExtendTheInstructionRange() {
        Node root = DockerfileParser.parse("FROM a\nRUN <<EOF\necho hi\nEOF\nRUN b\n".getBytes(StandardCharsets.UTF_8),
                "Dockerfile").root();

        assertThat(root.children().get(1).location()).isEqualTo(new SourceLocation("Dockerfile", 2, 4));
        assertThat(root.children().get(2).startLine()).isEqualTo(5);
        assertThat(root.children().get(1).heredocs()).containsExactly(new Heredoc("EOF", "echo hi\n", true, false, 0));
    }

    @Test
    void onbuildHeredocsAttachToTheOnbuildInstruction() {
        Node root = DockerfileParser.parse("ONBUILD RUN <<X\nhi\nX\n".getBytes(StandardCharsets.UTF_8), "Dockerfile")
                .root();

        assertThat(root.children().getFirst().heredocs()).extracting(Heredoc::name).containsExactly("X");
        assertThat(root.children().getFirst().argumentValues()).containsExactly("RUN", "<<X");
    }

    @Test
    void errorsCarryTheInstructionRange() {
        KilnException unterminated = catchThrowableOfType(KilnException.class,
                () -> dump("FROM a\nRUN <<EOF\necho\n"));
        KilnException notStrings = catchThrowableOfType(KilnException.class,
                () -> dump("FROM a\nCMD [\"a\", \\\n 1]\n"));

        assertThat(unterminated.getMessage()).isEqualTo("unterminated heredoc");
        assertThat(unterminated.location()).hasValue(new SourceLocation("Dockerfile", 2, 3));
        assertThat(notStrings.location()).hasValue(new SourceLocation("Dockerfile", 2, 3));
    }

    @Test
    void deeplyNestedInputNeitherOverflowsTheStackNorTakesLong() {
        String chain = "ONBUILD ".repeat(200) + "RUN x";
        String absurdChain = "ONBUILD \\\n".repeat(20_000) + "RUN x";
        String nestedSubstitutions = "RUN <<EOF \\\n" + "${a:-\\\n".repeat(5_000) + "x\nEOF\n";

        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            assertThat(dump(chain)).startsWith("(onbuild (onbuild").endsWith("(run \"x\")" + ")".repeat(200));
            KilnException tooDeep = catchThrowableOfType(KilnException.class, () -> dump(absurdChain));
            assertThat(tooDeep.getMessage()).isEqualTo("ONBUILD instructions are nested too deeply");
            assertThat(tooDeep.location()).hasValue(new SourceLocation("Dockerfile", 1, 20_001));
            assertThat(DockerfileParser.parse(nestedSubstitutions.getBytes(StandardCharsets.UTF_8), "Dockerfile")
                    .root().children()).hasSize(2);
        });
    }

    @Test
    void longLinesDoNotTriggerRegexBacktracking() {
        String blanks = " ".repeat(30_000);
        String directive = "# syntax=foo" + blanks + "x" + blanks + "\nFROM a\n";
        String marker = "RUN <<" + blanks + "a<\nFROM a\n";

        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            KilnException external = catchThrowableOfType(KilnException.class, () -> dump(directive));
            assertThat(external.getMessage()).contains("external frontends are not supported: # syntax=foo ");
            assertThat(dump(marker)).startsWith("(run \"<<");
        });
    }
}
