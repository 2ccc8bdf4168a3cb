package dev.kiln.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

/**
 * The layering of ARCHITECTURE.md, checked on the compiled classes: frontend → graph → solver → worker →
 * exporters, CLI on top; kiln-core underneath everything.
 */
class LayeringTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importKiln() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // The test helpers kiln-core and kiln-graph share (the Jackson oracle) come as -tests.jar files.
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("dev.kiln");
    }

    @Test
    void layers_dependOnlyDownwards() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("core").definedBy("dev.kiln.core..")
                .layer("graph").definedBy("dev.kiln.graph..")
                .layer("frontend").definedBy("dev.kiln.frontend..")
                .layer("solver").definedBy("dev.kiln.solver..")
                .layer("worker").definedBy("dev.kiln.worker..")
                .layer("exporter").definedBy("dev.kiln.exporter..")
                .layer("cli").definedBy("dev.kiln.cli..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("exporter").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("worker").mayOnlyBeAccessedByLayers("exporter", "cli")
                .whereLayer("solver").mayOnlyBeAccessedByLayers("worker", "exporter", "cli")
                .whereLayer("frontend").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("graph").mayOnlyBeAccessedByLayers("frontend", "solver", "worker", "exporter", "cli")
                .check(classes);
    }

    @Test
    void onlyTheSysPackage_callsNativeCode() {
        noClasses().that().resideOutsideOfPackage("dev.kiln.worker.sys..")
                .should().dependOnClassesThat().resideInAPackage("java.lang.foreign..")
                .check(classes);
    }

    /** Jackson's reflective start-up cost was a fifth of a cached build; it is a test oracle now, nothing more. */
    @Test
    void productCode_doesNotUseJackson() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("tools.jackson..", "com.fasterxml.jackson..")
                .check(classes);
    }

    @Test
    void core_staysFreeOfProcessesAndLinuxSpecifics() {
        noClasses().that().resideInAPackage("dev.kiln.core..")
                .should().dependOnClassesThat().haveFullyQualifiedName("java.lang.ProcessBuilder")
                .check(classes);
    }
}
