package dev.kiln.frontend.dockerfile.parser;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.core.SourceLocation;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** parser/directives.json plus the built-in-frontend rule for {@code # syntax=}. */
class DirectivesTest {
    @TestFactory
    Stream<DynamicTest> directivesMatchUpstream() {
        return ConformanceData.cases("parser/directives.json").stream()
                .map(c -> DynamicTest.dynamicTest(c.get("kind").stringValue() + " " + c.get("input").stringValue(),
                        () -> check(c)));
    }

    private static void check(JsonNode c) {
        byte[] input = input(c);
        switch (c.get("kind").stringValue()) {
            case "parse_all_directives" -> assertThat(Directives.parseAll(input, "Dockerfile").stream()
                    .map(d -> d.name() + "=" + d.value()).toList())
                    .isEqualTo(c.get("expected").values().stream()
                            .map(e -> e.get("name").stringValue() + "=" + e.get("value").stringValue()).toList());
            case "detect_syntax" -> expect(c, Directives.detectSyntax(input, "Dockerfile"));
            case "parse_directive" -> expect(c, Directives.parseDirective(c.get("directive").stringValue(), input,
                    "Dockerfile"));
            default -> throw new AssertionError("unknown kind " + c.get("kind"));
        }
    }

    private static void expect(JsonNode c, Optional<Directive> found) {
        assertThat(found.isPresent()).isEqualTo(c.get("found").asBoolean());
        if (found.isEmpty()) {
            return;
        }
        assertThat(found.get().ref()).isEqualTo(c.get("ref").stringValue());
        if (c.has("cmdline")) {
            assertThat(found.get().value()).isEqualTo(c.get("cmdline").stringValue());
        }
        if (c.has("line")) {
            assertThat(found.get().location()).isEqualTo(SourceLocation.line("Dockerfile", c.get("line").asInt()));
        }
    }

    private static byte[] input(JsonNode c) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (c.has("input_bytes_hex_prefix")) {
            out.writeBytes(HexFormat.of().parseHex(c.get("input_bytes_hex_prefix").stringValue()));
        }
        out.writeBytes(c.get("input").stringValue().getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    @ParameterizedTest
    @ValueSource(strings = {"docker/dockerfile", "docker/dockerfile:1", "docker/dockerfile:1.7", "docker/dockerfile:labs",
            "docker/dockerfile:1.7-labs", "docker.io/docker/dockerfile:1", "docker/dockerfile-upstream:master",
            "docker.io/docker/dockerfile-upstream:1.26.0",
            "docker/dockerfile:1@sha256:4f2a3b8d7c6e5f40918273645a6b7c8d9e0f1a2b3c4d5e6f708192a3b4c5d6e7",
            "docker/dockerfile@sha256:4f2a3b8d7c6e5f40918273645a6b7c8d9e0f1a2b3c4d5e6f708192a3b4c5d6e7"})
    void builtinFrontendReferencesParse(String ref) {
        byte[] dockerfile = ("# syntax=" + ref + "\nFROM scratch\n").getBytes(StandardCharsets.UTF_8);

        ParseResult result = DockerfileParser.parse(dockerfile, "Dockerfile");

        assertThat(result.syntax()).hasValueSatisfying(d -> assertThat(d.ref()).isEqualTo(ref));
    }

    @ParameterizedTest
    @ValueSource(strings = {"foobar", "dockerfile:experimental", "myorg/dockerfile:1", "docker/dockerfilex",
            "ghcr.io/docker/dockerfile:1", "docker/dockerfile:", "tonistiigi/dockerfile:runmount"})
    void externalFrontendsAreRejectedWithTheDirectiveLine(String ref) {
        byte[] dockerfile = ("#!/usr/bin/env buildctl\n# syntax=" + ref + "\nFROM alpine\n")
                .getBytes(StandardCharsets.UTF_8);

        KilnException e = catchThrowableOfType(KilnException.class, () -> DockerfileParser.parse(dockerfile, "Dockerfile"));

        assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT);
        assertThat(e.getMessage()).contains("external frontends are not supported").contains(ref);
        assertThat(e.location()).hasValue(SourceLocation.line("Dockerfile", 2));
    }

    @Test
    void escapeAndCheckDirectivesAreReported() {
        byte[] dockerfile = "# escape=`\n# check=skip=all;error=true\nFROM scratch\nRUN a `\n b\n"
                .getBytes(StandardCharsets.UTF_8);

        ParseResult result = DockerfileParser.parse(dockerfile, "Dockerfile");

        assertThat(result.escapeChar()).isEqualTo('`');
        assertThat(result.check()).hasValue(new Directive("check", "skip=all;error=true",
                SourceLocation.line("Dockerfile", 2)));
        assertThat(AstDump.dump(result.root())).isEqualTo("(from \"scratch\")\n(run \"a  b\")");
    }

    @Test
    void repeatedOrInvalidDirectivesFailOnTheirLine() {
        KilnException twice = catchThrowableOfType(KilnException.class, () -> DockerfileParser.parse(
                "# escape=\\\n# escape=`\nFROM scratch\n".getBytes(StandardCharsets.UTF_8), "Dockerfile"));
        KilnException invalid = catchThrowableOfType(KilnException.class, () -> DockerfileParser.parse(
                "\n".repeat(0).concat("# escape=x\nFROM scratch\n").getBytes(StandardCharsets.UTF_8), "Dockerfile"));

        assertThat(twice.getMessage()).isEqualTo("only one escape parser directive can be used");
        assertThat(twice.location()).hasValue(SourceLocation.line("Dockerfile", 2));
        assertThat(invalid.getMessage()).isEqualTo("invalid escape token 'x' does not match ` or \\");
        assertThat(invalid.location()).hasValue(SourceLocation.line("Dockerfile", 1));
    }
}
