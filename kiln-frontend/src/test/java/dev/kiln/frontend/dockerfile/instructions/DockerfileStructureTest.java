package dev.kiln.frontend.dockerfile.instructions;

import dev.kiln.core.KilnException;
import dev.kiln.core.SourceLocation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Grouping into global ARGs and stages, and where structure errors point. */
class DockerfileStructureTest {
    @Test
    void metaArgsThenStages() {
        DockerfileStructure s = DockerfileStructure.of(Dockerfiles.root(
                "ARG V=1\n# build compiles\nFROM a AS build\nRUN y\nARG X\nFROM build\nCOPY --from=build a b\n"));

        assertThat(s.metaArgs()).hasSize(1);
        assertThat(s.stages()).hasSize(2);
        assertThat(s.stages().get(0).name()).isEqualTo("build");
        assertThat(s.stages().get(0).comment()).isEqualTo("compiles");
        assertThat(s.stages().get(0).location()).isEqualTo(SourceLocation.line("Dockerfile", 3));
        assertThat(s.stages().get(0).commands()).hasExactlyElementsOfTypes(RunInstruction.class, ArgInstruction.class);
        assertThat(s.stages().get(1).baseName()).isEqualTo("build");
        assertThat(s.stages().get(1).name()).isEmpty();
        assertThat(s.stages().get(1).commands()).hasExactlyElementsOfTypes(CopyInstruction.class);
    }

    @Test
    void instructionsBeforeTheFirstFromMustBeArgs() {
        KilnException e = catchThrowableOfType(KilnException.class,
                () -> DockerfileStructure.of(Dockerfiles.root("ARG A\nRUN x\nFROM a\n")));

        assertThat(e.getMessage()).isEqualTo("no build stage in current context");
        assertThat(e.location()).hasValue(SourceLocation.line("Dockerfile", 2));
    }

    @Test
    void theFirstInvalidInstructionStopsWithItsLocation() {
        KilnException e = catchThrowableOfType(KilnException.class,
                () -> DockerfileStructure.of(Dockerfiles.root("FROM a\nRUN ok\nCOPY \\\n  a\n")));

        assertThat(e.getMessage()).startsWith("COPY requires at least two arguments");
        assertThat(e.location()).hasValue(new SourceLocation("Dockerfile", 3, 4));
    }
}
