package io.asegraph.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole layering, on the compiled classes of the service (ArchUnit): {@code api → service → analysis →
 * {policy, topology} → net}, with {@code graph} and {@code importing} beside analysis ({@code graph} uses
 * {@code importing}; neither uses analysis), {@code estate} (the snapshot both read) below them, and nothing in the
 * service using the benchmark. {@link LayeringTest} adds that the domain packages import no framework.
 */
class ArchitectureTest {
    private static JavaClasses service;

    @BeforeAll
    static void importServiceClasses() {
        service = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("io.asegraph");
    }

    @Test
    void layersDependOnlyDownward() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("api")
                .definedBy("io.asegraph.api..")
                .layer("service")
                .definedBy("io.asegraph.service..")
                .layer("analysis")
                .definedBy("io.asegraph.analysis..")
                .layer("graph")
                .definedBy("io.asegraph.graph..")
                .layer("history")
                .definedBy("io.asegraph.history..")
                .layer("importing")
                .definedBy("io.asegraph.importing..")
                .layer("estate")
                .definedBy("io.asegraph.estate..")
                .layer("policy")
                .definedBy("io.asegraph.policy..")
                .layer("topology")
                .definedBy("io.asegraph.topology..")
                .layer("net")
                .definedBy("io.asegraph.net..")
                .whereLayer("api")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("service")
                .mayOnlyBeAccessedByLayers("api")
                .whereLayer("analysis")
                .mayOnlyBeAccessedByLayers("service", "api")
                .whereLayer("graph")
                .mayOnlyBeAccessedByLayers("service", "api")
                .whereLayer("history")
                .mayOnlyBeAccessedByLayers("graph", "service", "api")
                .whereLayer("importing")
                .mayOnlyBeAccessedByLayers("graph", "service", "api")
                .whereLayer("estate")
                .mayOnlyBeAccessedByLayers("analysis", "graph", "service", "api")
                .whereLayer("policy")
                .mayOnlyBeAccessedByLayers("estate", "analysis", "history", "importing", "graph", "service", "api")
                .whereLayer("topology")
                .mayOnlyBeAccessedByLayers(
                        "policy", "estate", "analysis", "history", "importing", "graph", "service", "api")
                .whereLayer("net")
                .mayOnlyBeAccessedByLayers(
                        "topology", "policy", "estate", "analysis", "history", "importing", "graph", "service", "api")
                .check(service);
    }

    @Test
    void theServiceNeverUsesTheBenchmark() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.asegraph.bench..")
                .because("the benchmark is not part of the service (src/bench/java)")
                .check(service);
    }
}
